namespace Marketplace.Listings.Contracts;

/// <summary>Reason is <c>fulfilled</c> or <c>withdrawn</c>.</summary>
public sealed record ListingClosed(Guid ListingId, Guid OrganisationId, int Version, string Reason);
