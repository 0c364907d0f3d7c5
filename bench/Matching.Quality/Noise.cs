using System.Globalization;

namespace Marketplace.Matching.Quality;

/// <summary>
/// How much a listing's suggestion list holds besides its documented counterpart. Precision@5: of the suggestions a
/// pair listing shows in its first five, the share that is its counterpart (a listing with none counts 0). Every pair
/// has one documented counterpart, so the figure is at most 1 when the list holds that one alone, and a lower bound:
/// a suggestion of another set pair's listing may be sound. Suggestions per distractor: how many suggestions a listing
/// that pairs with nothing in the set carries (the whole list, up to 100).
/// </summary>
internal static class Noise
{
    public static double PrecisionAt5(IEnumerable<(IReadOnlyList<MatchItem> Items, Guid Target)> lists)
    {
        var values = lists.Select(l =>
        {
            var top = l.Items.Take(5).ToList();
            return top.Count == 0 ? 0 : top.Count(i => i.ListingId == l.Target || (i.Members?.Any(m => m.ListingId == l.Target) ?? false)) / (double)top.Count;
        }).ToList();
        return values.Count == 0 ? 0 : values.Average();
    }

    public static string Summary(double forwardPrecision, double backwardPrecision, IReadOnlyList<int> pairCounts, IReadOnlyList<int> distractorCounts) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| precision@5 wants → offers {forwardPrecision:0.000} | precision@5 offers → wants {backwardPrecision:0.000} | suggestions per pair listing {Mean(pairCounts):0.00} | " +
            $"suggestions per distractor {Mean(distractorCounts):0.00} (median {Median(distractorCounts):0}, with none {distractorCounts.Count(c => c == 0)} of {distractorCounts.Count}) |");

    private static double Mean(IReadOnlyList<int> values) => values.Count == 0 ? 0 : values.Average();

    private static double Median(IReadOnlyList<int> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
}
