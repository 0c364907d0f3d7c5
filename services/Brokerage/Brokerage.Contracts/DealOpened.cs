namespace Marketplace.Brokerage.Contracts;

public sealed record DealOpened(Guid DealId, Guid MatchId, IReadOnlyList<Guid> OrganisationIds);
