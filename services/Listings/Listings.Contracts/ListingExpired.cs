namespace Marketplace.Listings.Contracts;

public sealed record ListingExpired(Guid ListingId, Guid OrganisationId, int Version);
