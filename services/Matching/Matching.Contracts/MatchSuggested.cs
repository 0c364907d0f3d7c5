namespace Marketplace.Matching.Contracts;

public sealed record MatchSuggested(Guid MatchId, string Kind, Guid OfferListingId, Guid WantListingId, IReadOnlyList<Guid> OrganisationIds, double Score);
