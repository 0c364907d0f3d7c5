namespace Marketplace.Listings.Contracts;

/// <summary>A listing became visible to matching (created published, or published from draft or pause).</summary>
public sealed record ListingPublished(ListingSnapshot Listing);
