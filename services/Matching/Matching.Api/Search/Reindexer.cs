using System.Diagnostics;
using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Data;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Search;

/// <summary>Full rebuild of the search index from Matching's own stored snapshots (<c>Matching.Api reindex</c>).</summary>
public sealed class Reindexer(MatchingDbContext db, IListingIndex index, Annotator annotator, IListingEmbedder embedder, ILogger<Reindexer> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var naces = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.NaceCode, cancellationToken);
        await index.ClearAsync(cancellationToken);
        var count = 0;
        var batch = new List<IndexedListing>(1000);
        await foreach (var json in db.Listings.AsNoTracking().Where(l => l.Status == ListingStatuses.Published).Select(l => l.SnapshotJson).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var listing = JsonSerializer.Deserialize<ListingSnapshot>(json, Json)!;
            batch.Add(SuggestionService.ToIndexed(listing, annotator.Annotate(listing, naces.GetValueOrDefault(listing.OrganisationId))));
            if (batch.Count == batch.Capacity)
            {
                await index.UpsertManyAsync(Embedded(batch), cancellationToken);
                count += batch.Count;
                batch.Clear();
            }
        }

        await index.UpsertManyAsync(Embedded(batch), cancellationToken);
        count += batch.Count;
        await index.CompactAsync(cancellationToken);
        logger.LogInformation("Reindexed {Count} published listings in {Elapsed}", count, watch.Elapsed);
        return count;
    }

    /// <summary>The batch with its vectors, embedded in one call (batching is what makes a rebuild fast).</summary>
    private List<IndexedListing> Embedded(List<IndexedListing> batch) => EmbedMany(batch, embedder, annotator.Knowledge);

    /// <summary>Texts per model call: past a few dozen the padded batch grows faster than the gain (bench/Matching.Bench embed).</summary>
    public const int EmbeddingBatch = 32;

    public static List<IndexedListing> EmbedMany(IReadOnlyList<IndexedListing> batch, IListingEmbedder embedder, KnowledgeBase knowledge)
    {
        if (!embedder.Enabled || batch.Count == 0)
        {
            return [.. batch];
        }

        var vectors = batch.Chunk(EmbeddingBatch).SelectMany(chunk => embedder.Embed([.. chunk.Select(b => EmbeddingText.Of(b.Listing, b.Annotation!, knowledge))])).ToList();
        return [.. batch.Select((b, i) => SuggestionService.ToIndexed(b.Listing, b.Annotation! with { Vector = vectors[i] }))];
    }
}
