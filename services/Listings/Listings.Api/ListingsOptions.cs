using System.ComponentModel.DataAnnotations;

namespace Marketplace.Listings;

/// <summary>Section <c>Listings</c>.</summary>
public sealed class ListingsOptions
{
    public const string Section = "Listings";

    /// <summary>Largest JSON body for create and PATCH; a listing is at most a few KB (description ≤ 4,000 characters).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Largest CSV for POST /api/v1/listings/import.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxImportBytes { get; set; } = 20 * 1024 * 1024;

    [Range(1, 1_000_000)]
    public int MaxImportRows { get; set; } = 50_000;

    /// <summary>How often the expiry job looks for listings whose availableUntil has passed.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(10);
}
