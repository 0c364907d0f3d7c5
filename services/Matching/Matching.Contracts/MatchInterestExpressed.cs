namespace Marketplace.Matching.Contracts;

/// <summary>
/// One side of a match said interested and the match waits for the other (when both have, <see cref="MatchAccepted"/>
/// follows instead). <see cref="RecipientOrganisationIds"/> are the sides still to answer; who spoke is left out, as the
/// counterpart may be anonymous until both accept.
/// </summary>
public sealed record MatchInterestExpressed(Guid MatchId, string Kind, IReadOnlyList<Guid> RecipientOrganisationIds, DateTimeOffset At);
