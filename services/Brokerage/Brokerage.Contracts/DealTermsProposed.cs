namespace Marketplace.Brokerage.Contracts;

/// <summary>
/// Terms were proposed for a deal (a counter-proposal is a new <see cref="Version"/>); <see cref="RecipientOrganisationIds"/>
/// are the parties that may now accept or counter, every party but the proposer's.
/// </summary>
public sealed record DealTermsProposed(Guid DealId, int Version, string ProposedBy, IReadOnlyList<Guid> RecipientOrganisationIds, DateTimeOffset At);
