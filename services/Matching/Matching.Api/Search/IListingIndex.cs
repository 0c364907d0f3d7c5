using Marketplace.Listings.Contracts;

namespace Marketplace.Matching.Search;

/// <summary>The search-engine port: the embedded Lucene index here, Elasticsearch in a cluster.</summary>
public interface IListingIndex
{
    /// <summary>Visible to the next <see cref="FindCandidatesAsync"/> of the same process ("upsert before search").</summary>
    Task UpsertAsync(IndexedListing listing, CancellationToken cancellationToken);

    /// <summary>Bulk load (rebuild, benchmarks): no per-document refresh.</summary>
    Task UpsertManyAsync(IReadOnlyCollection<IndexedListing> listings, CancellationToken cancellationToken);

    Task RemoveAsync(Guid listingId, CancellationToken cancellationToken);

    /// <summary>
    /// After a bulk load (the end of a rebuild): merge what it wrote into as few segments as the engine allows and
    /// make it searchable, so searches do not pay for the many segments a bulk load leaves, nor compete with the
    /// background merges that would otherwise follow it.
    /// </summary>
    Task CompactAsync(CancellationToken cancellationToken);

    /// <summary>Drops every document (before a full rebuild).</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    /// <summary>Published listings of the opposite kind, from other organisations, that could pair with the source, best first.</summary>
    Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(CandidateQuery query, CancellationToken cancellationToken);

    /// <summary>How many indexed listings hold each of these stems, and how many listings the index holds.</summary>
    Task<TermRarity> TermRarityAsync(IReadOnlyCollection<string> stems, CancellationToken cancellationToken);
}

/// <summary>A listing as indexed: its snapshot, stems in its own language, and knowledge concepts.</summary>
public sealed record IndexedListing(ListingSnapshot Listing, string Language, IReadOnlyList<string> Stems, IReadOnlyList<string> Concepts)
{
    private Encoded? encoded;

    /// <summary>
    /// The annotation, stored with the document and handed back with hits (see <c>AnnotationCodec</c>): encoded from
    /// <see cref="Annotation"/> when first read, unless given. The embedded index never reads it (it stores its own
    /// binary form), and encoding every listing of a rebuild was a tenth of the rebuild's time.
    /// </summary>
    public string? AnnotationJson
    {
        get => field ?? (Annotation is not { } annotation ? null
            : encoded is { } e && ReferenceEquals(e.Of, annotation) ? e.Json
            : (encoded = new Encoded(annotation, Knowledge.AnnotationCodec.Encode(annotation))).Json);
        init;
    }

    /// <summary>The same annotation, decoded (an engine may keep it in memory).</summary>
    public Knowledge.Annotation? Annotation { get; init; }

    /// <summary>The encoding of one annotation (one reference, so a racing reader sees the pair whole).</summary>
    private sealed record Encoded(Knowledge.Annotation Of, string Json);
}

/// <summary>
/// What to look for: the counterpart concepts with their weights (a source offer's <c>pr:x</c> asks for wants with
/// <c>pu:x</c>), the source's stems for BM25, and the hard filters taken from <see cref="Source"/>.
/// </summary>
public sealed record CandidateQuery(ListingSnapshot Source, IReadOnlyList<string> Stems, IReadOnlyDictionary<string, float> Concepts, int Limit)
{
    /// <summary>Text terms per query, in every engine: concepts carry the semantics, stems only refine.</summary>
    public const int MaxStems = 64;

    /// <summary>The source's unit vector, null when vectors are off: the nearest counterparts join the hits.</summary>
    public float[]? Vector { get; init; }

    /// <summary>How many nearest counterparts by vector join the BM25/knowledge hits.</summary>
    public int VectorCandidates { get; init; }

    /// <summary>Concepts a counterpart would carry for each concept of the source.</summary>
    public static Dictionary<string, float> Counterparts(string kind, IEnumerable<(string Concept, double Weight)> concepts)
    {
        var result = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (concept, weight) in concepts)
        {
            var target = concept switch
            {
                _ when concept.StartsWith("pr:", StringComparison.Ordinal) && kind == ListingKinds.Offer => "pu:" + concept[3..],
                _ when concept.StartsWith("pu:", StringComparison.Ordinal) && kind == ListingKinds.Want => "pr:" + concept[3..],
                _ when concept.StartsWith("th:", StringComparison.Ordinal) => concept,
                _ when concept.StartsWith("ewc:", StringComparison.Ordinal) => concept,
                _ when concept.StartsWith("class:", StringComparison.Ordinal) => concept,
                _ => null,
            };
            if (target is not null)
            {
                result[target] = Math.Max(result.GetValueOrDefault(target), (float)weight);
            }
        }

        return result;
    }
}

/// <summary>A candidate with the snapshot the index holds, so scoring never waits on another transaction's commit.</summary>
public sealed record IndexHit(ListingSnapshot Listing, double TextScore)
{
    public string? AnnotationJson { get; init; }

    /// <summary>The annotation already decoded, when the engine has it (else decode <see cref="AnnotationJson"/>).</summary>
    public Knowledge.Annotation? Annotation { get; init; }
}
