using System.ComponentModel.DataAnnotations;

namespace Marketplace.Matching.Search;

/// <summary>Section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How many suggestions are kept per listing.</summary>
    [Range(1, 200)]
    public int SuggestionsPerListing { get; set; } = 25;

    /// <summary>Candidates read from the index before scoring.</summary>
    [Range(1, 2000)]
    public int Candidates { get; set; } = 200;
}
