namespace Marketplace.Listings.Contracts;

/// <summary>Where a listing is in its life; only a published listing is matched.</summary>
public static class ListingStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Paused = "paused";
    public const string Closed = "closed";
    public const string Expired = "expired";
    public static readonly string[] All = [Draft, Published, Paused, Closed, Expired];
}
