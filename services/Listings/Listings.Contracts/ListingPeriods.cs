namespace Marketplace.Listings.Contracts;

/// <summary>What a listing's quantity is per, and how many of each make a year.</summary>
public static class ListingPeriods
{
    public const string Year = "year";

    private static readonly Dictionary<string, decimal> PerYear = new(StringComparer.Ordinal)
    {
        ["once"] = 1m,
        ["day"] = 365m,
        ["week"] = 52m,
        ["month"] = 12m,
        [Year] = 1m,
    };

    public static readonly string[] All = [.. PerYear.Keys];

    /// <summary>How many of <paramref name="period"/> make a year (a one-off counts once).</summary>
    public static bool TryGetPerYear(string period, out decimal perYear) => PerYear.TryGetValue(period, out perYear);
}
