namespace Marketplace.Listings.Contracts;

/// <summary>A published listing changed; the snapshot is complete, not a delta.</summary>
public sealed record ListingUpdated(ListingSnapshot Listing);
