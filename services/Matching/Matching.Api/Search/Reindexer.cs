using System.Diagnostics;
using System.Runtime.CompilerServices;
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

    /// <summary>Listings annotated together: a batch is annotated on every core, then written while the next one is annotated.</summary>
    public const int Batch = 1000;

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var naces = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.NaceCode, cancellationToken);
        await index.ClearAsync(cancellationToken);
        var snapshots = db.Listings.AsNoTracking().Where(l => l.Status == ListingStatuses.Published).Select(l => l.SnapshotJson).AsAsyncEnumerable();
        var run = await IndexAllAsync(Deserialised(snapshots, cancellationToken), l => naces.GetValueOrDefault(l.OrganisationId), annotator, embedder, index, cancellationToken);
        await index.CompactAsync(cancellationToken);
        logger.LogInformation(
            "Reindexed {Count} published listings in {Elapsed} (annotating {Annotating}, writing {Writing} beside it, waiting for the writer {Waiting})",
            run.Count, watch.Elapsed, run.Annotating, run.Writing, run.WaitingForWriter);
        return run.Count;
    }

    /// <summary>
    /// Annotates, embeds and writes every listing, in their order (the rebuild's loop, shared with bench/Matching.Bench so
    /// its figure is the product's). A batch is annotated on all cores (<see cref="AnnotateMany"/>) while the batch
    /// before it is embedded and written on a thread of its own; the index receives the batches one after the other, in
    /// order. <paramref name="organisationNace"/> is called on the caller's thread only, as the listings are read.
    /// </summary>
    public static async Task<IndexRun> IndexAllAsync(
        IAsyncEnumerable<ListingSnapshot> listings, Func<ListingSnapshot, string?> organisationNace, Annotator annotator,
        IListingEmbedder embedder, IListingIndex index, CancellationToken cancellationToken, int batchSize = Batch)
    {
        var (count, annotating, waiting, written) = (0, 0L, 0L, 0L);
        var writing = Task.FromResult(0L);
        var batch = new List<(ListingSnapshot, string?)>(batchSize);
        try
        {
            await foreach (var listing in listings.WithCancellation(cancellationToken))
            {
                batch.Add((listing, organisationNace(listing)));
                if (batch.Count == batchSize)
                {
                    await NextAsync();
                    batch = new(batchSize);
                }
            }

            await NextAsync();
        }
        catch
        {
            // the writer must not outlive the call (the index may be disposed next); the first error is the one to report
            await writing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        written += await writing;
        return new IndexRun(count, Stopwatch.GetElapsedTime(0, annotating), Stopwatch.GetElapsedTime(0, written), Stopwatch.GetElapsedTime(0, waiting));

        async Task NextAsync()
        {
            var started = Stopwatch.GetTimestamp();
            var annotated = AnnotateMany(batch, annotator, cancellationToken);
            var done = Stopwatch.GetTimestamp();
            annotating += done - started;
            written += await writing; // one writer at a time, batches in order
            waiting += Stopwatch.GetTimestamp() - done;
            count += annotated.Length;

            // a thread of its own: the pool's threads are busy annotating the next batch
            writing = Task.Factory.StartNew(
                async () =>
                {
                    var start = Stopwatch.GetTimestamp();
                    await index.UpsertManyAsync(EmbedMany(annotated, embedder, annotator.Knowledge), cancellationToken);
                    return Stopwatch.GetTimestamp() - start;
                },
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>
    /// The batch annotated on every core, as it would be one after the other: item i of the result is listing i's.
    /// The annotator is safe to share (pure functions of the read-only knowledge base, concurrent caches, Lucene
    /// analyzers that keep a token stream per thread).
    /// </summary>
    public static IndexedListing[] AnnotateMany(IReadOnlyList<(ListingSnapshot Listing, string? OrganisationNace)> batch, Annotator annotator, CancellationToken cancellationToken = default)
    {
        var indexed = new IndexedListing[batch.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, batch.Count, options, i => indexed[i] = SuggestionService.ToIndexed(batch[i].Listing, annotator.AnnotateOnce(batch[i].Listing, batch[i].OrganisationNace)));
        return indexed;
    }

    private static async IAsyncEnumerable<ListingSnapshot> Deserialised(IAsyncEnumerable<string> snapshots, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var json in snapshots.WithCancellation(cancellationToken))
        {
            yield return JsonSerializer.Deserialize<ListingSnapshot>(json, Json)!;
        }
    }

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

/// <summary>
/// What <see cref="Reindexer.IndexAllAsync"/> did: listings written; wall time annotating (all cores), writing (the
/// writer's thread, beside the annotation of the next batch) and waiting for the writer before handing it a batch.
/// </summary>
public sealed record IndexRun(int Count, TimeSpan Annotating, TimeSpan Writing, TimeSpan WaitingForWriter);
