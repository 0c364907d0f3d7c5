namespace Marketplace.Matching.Search;

/// <summary>
/// How many indexed listings hold each of a listing's stems (document frequency), read from the index when the
/// listing is matched: a word few listings use says more when two listings share it than one most listings use.
/// </summary>
public sealed record TermRarity(long Documents, IReadOnlyDictionary<string, int> DocFreq)
{
    public static readonly TermRarity None = new(0, new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>
    /// 1 for a word only the two listings use, towards 0 for one every listing uses: ln(N / df) / ln(N), the document
    /// frequency at least 2 (the two listings sharing it, when the index has not seen them yet). 0 without statistics
    /// or below three documents, where no word is rarer than another.
    /// </summary>
    public double Weight(string stem)
    {
        if (Documents < 3 || !DocFreq.TryGetValue(stem, out var df))
        {
            return 0;
        }

        return Math.Clamp(Math.Log((double)Documents / Math.Max(df, 2)) / Math.Log(Documents), 0, 1);
    }
}
