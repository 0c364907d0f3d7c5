using System.Diagnostics;
using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Data;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Search;

/// <summary>Full rebuild of the search index from Matching's own stored snapshots (<c>Matching.Api reindex</c>).</summary>
public sealed class Reindexer(MatchingDbContext db, IListingIndex index, Annotator annotator, ILogger<Reindexer> logger)
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
                await index.UpsertManyAsync(batch, cancellationToken);
                count += batch.Count;
                batch.Clear();
            }
        }

        await index.UpsertManyAsync(batch, cancellationToken);
        count += batch.Count;
        await index.CompactAsync(cancellationToken);
        logger.LogInformation("Reindexed {Count} published listings in {Elapsed}", count, watch.Elapsed);
        return count;
    }
}
