namespace Marketplace.Listings.Contracts;

public sealed record ListingPaused(Guid ListingId, Guid OrganisationId, int Version);
