namespace Marketplace.Matching.Contracts;

public sealed record MatchDeclined(Guid MatchId, Guid DeclinedByOrganisationId, string? Reason);
