using System.Collections.Concurrent;
using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;

namespace Marketplace.Matching.Search;

/// <summary>
/// The query's relevance terms with their weights, to score a listing the reader does not hold yet as Lucene's
/// default similarity would: coord × queryNorm × Σ tf × idf² × boost × norm (concepts have no norms, one
/// occurrence each; the text field's norm is 1/√length, as encoded). Zero when no term is shared.
/// </summary>
internal sealed class LuceneQueryTerms
{
    private static readonly DefaultSimilarity Similarity = new();

    public Dictionary<string, (float Idf, float Boost)> Concepts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (float Idf, float Boost)> Stems { get; } = new(StringComparer.Ordinal);

    public long Postings { get; set; }

    public int Count => Concepts.Count + Stems.Count;

    public static float Idf(long docFreq, long maxDoc) => Similarity.Idf(docFreq, Math.Max(1, maxDoc)); // an empty reader still weighs terms

    public double Score(IndexedListing candidate)
    {
        var sumOfSquares = Concepts.Values.Concat(Stems.Values).Sum(t => (double)t.Idf * t.Boost * t.Idf * t.Boost);
        if (sumOfSquares <= 0)
        {
            return 0;
        }

        var queryNorm = Similarity.QueryNorm((float)sumOfSquares);
        var matched = 0;
        var sum = 0.0;
        foreach (var concept in candidate.Concepts.Distinct())
        {
            if (Concepts.TryGetValue(concept, out var t))
            {
                sum += t.Idf * t.Idf * t.Boost * queryNorm;
                matched++;
            }
        }

        var norm = Similarity.DecodeNormValue(Similarity.EncodeNormValue(1f / MathF.Sqrt(Math.Max(1, candidate.Stems.Count))));
        foreach (var group in candidate.Stems.GroupBy(x => x, StringComparer.Ordinal))
        {
            if (Stems.TryGetValue(group.Key, out var t))
            {
                sum += Math.Sqrt(group.Count()) * t.Idf * t.Idf * t.Boost * queryNorm * norm;
                matched++;
            }
        }

        return matched == 0 ? 0 : sum * Similarity.Coord(matched, Concepts.Count + Stems.Count);
    }
}

/// <summary>
/// Document frequencies for choosing and weighing query terms, kept a few seconds: a term's frequency in a
/// large index barely moves in that time, and looking it up costs a seek in every segment's term dictionary.
/// </summary>
internal sealed class DocFreqCache
{
    private static readonly long Lifetime = Stopwatch.Frequency * 10;
    private readonly ConcurrentDictionary<(string Field, string Text), (int DocFreq, long At)> known = new();

    public int Get(IndexReader reader, string field, string text)
    {
        var now = Stopwatch.GetTimestamp();
        if (known.TryGetValue((field, text), out var entry) && now - entry.At < Lifetime && reader.NumDocs >= 10_000)
        {
            return entry.DocFreq; // exact on small indexes, where one listing moves a frequency noticeably
        }

        if (known.Count > 200_000)
        {
            known.Clear();
        }

        var docFreq = reader.DocFreq(new Term(field, text));
        known[(field, text)] = (docFreq, now);
        return docFreq;
    }
}
