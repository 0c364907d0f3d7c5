using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>
/// The embedded index searches without waiting for a reopen: writes the reader does not show yet are served from
/// the recent-writes set. The background reopen is off here, so every search below that finds a fresh write could
/// only have found it there (and each test also checks the reader had not caught up).
/// </summary>
public sealed class LuceneRecentWritesTests : IDisposable
{
    private static readonly Annotator Annotator = new(Kb);
    private readonly string path = Path.Combine(Path.GetTempPath(), "matching-recent-tests-" + Guid.NewGuid().ToString("N"));
    private readonly LuceneListingIndex index;

    public LuceneRecentWritesTests() => index = new LuceneListingIndex(path, backgroundReopen: false);

    private Task UpsertAsync(ListingSnapshot listing, string? nace = null) =>
        index.UpsertAsync(SuggestionService.ToIndexed(listing, Annotator.Annotate(listing, nace)), CancellationToken.None);

    private async Task<List<IndexHit>> SearchAsync(ListingSnapshot source, string? nace = null) =>
        [.. await index.FindCandidatesAsync(SuggestionService.QueryFor(source, Annotator.Annotate(source, nace), 50), CancellationToken.None)];

    private static ListingSnapshot Ash(Guid? organisation = null) =>
        Listing("offer", "Dry fly ash", "Pulverised fuel ash from coal units", ewc: "10 01 02", organisation: organisation);

    private static ListingSnapshot Pozzolan(Guid? organisation = null) =>
        Listing("want", "Pozzolan for clinker substitution", "Fly ash for our cement works", organisation: organisation);

    [Fact]
    public async Task Two_listings_upserted_at_the_same_time_each_find_the_other_before_any_reopen()
    {
        var offer = Ash();
        var want = Pozzolan();
        using var start = new ManualResetEventSlim();
        var writers = new[] { offer, want }.Select(l => Task.Run(async () =>
        {
            start.Wait();
            await UpsertAsync(l);
        })).ToList();
        start.Set();
        await Task.WhenAll(writers);

        Assert.Equal(2, index.RecentCount);
        Assert.Contains(await SearchAsync(want, "23.51"), h => h.Listing.ListingId == offer.ListingId);
        Assert.Contains(await SearchAsync(offer, "35.11"), h => h.Listing.ListingId == want.ListingId);
    }

    [Fact]
    public async Task After_a_reopen_the_reader_serves_the_write_and_the_recent_set_is_empty()
    {
        var offer = Ash();
        await UpsertAsync(offer);
        index.Refresh();
        Assert.Equal(0, index.RecentCount);
        Assert.Contains(await SearchAsync(Pozzolan(), "23.51"), h => h.Listing.ListingId == offer.ListingId);
    }

    [Fact]
    public async Task Recent_writes_obey_the_filters_own_organisation_same_kind_and_hazard()
    {
        var org = Guid.NewGuid();
        var own = Ash(org);
        var otherWant = Pozzolan();
        var hazardous = Listing("offer", "Spent pickling acid", "Hydrochloric acid pickle liquor", ewc: "11 01 05", hazardous: true);
        foreach (var l in new[] { own, otherWant, hazardous })
        {
            await UpsertAsync(l);
        }

        Assert.Equal(3, index.RecentCount);
        var found = await SearchAsync(Pozzolan(org), "23.51");
        Assert.DoesNotContain(found, h => h.Listing.ListingId == own.ListingId);
        Assert.DoesNotContain(found, h => h.Listing.ListingId == otherWant.ListingId);
        var acid = Listing("want", "Spent pickling acid wanted", "Hydrochloric acid pickle liquor for ferric chloride");
        Assert.DoesNotContain(await SearchAsync(acid), h => h.Listing.ListingId == hazardous.ListingId);
        Assert.Contains(await SearchAsync(acid with { AcceptsHazardous = true }), h => h.Listing.ListingId == hazardous.ListingId);
    }

    [Fact]
    public async Task A_recent_write_that_shares_no_term_with_the_query_is_not_a_candidate()
    {
        var ash = Ash();
        await UpsertAsync(ash);
        var unrelated = Listing("want", "Office chairs", "Second-hand swivel chairs for a call centre", resourceClass: "energy");
        Assert.DoesNotContain(await SearchAsync(unrelated), h => h.Listing.ListingId == ash.ListingId);
    }

    [Fact]
    public async Task A_change_or_removal_not_yet_visible_to_the_reader_overrides_what_the_reader_holds()
    {
        var offer = Ash();
        var gone = Ash();
        await UpsertAsync(offer);
        await UpsertAsync(gone);
        index.Refresh();
        var want = Pozzolan();
        Assert.Contains(await SearchAsync(want, "23.51"), h => h.Listing.ListingId == gone.ListingId);

        await index.RemoveAsync(gone.ListingId, CancellationToken.None);
        await UpsertAsync(offer with { Version = 2, Status = "paused" });
        Assert.Equal(2, index.RecentCount);
        var found = await SearchAsync(want, "23.51");
        Assert.DoesNotContain(found, h => h.Listing.ListingId == gone.ListingId);
        Assert.DoesNotContain(found, h => h.Listing.ListingId == offer.ListingId);

        await UpsertAsync(offer with { Version = 3, Title = "Dry fly ash, now in silos" });
        Assert.Contains(await SearchAsync(want, "23.51"), h => h.Listing.ListingId == offer.ListingId && h.Listing.Version == 3);
    }

    [Fact]
    public async Task A_cached_candidate_is_not_served_once_the_index_holds_a_newer_version()
    {
        var offer = Ash();
        await UpsertAsync(offer); // puts version 1 in the candidate cache
        index.Refresh();
        var want = Pozzolan();
        Assert.Equal(1, (await SearchAsync(want, "23.51")).Single(h => h.Listing.ListingId == offer.ListingId).Listing.Version);

        // a bulk write (rebuild) bypasses the cache; the version in the index tells the cached copy is stale
        var newer = offer with { Version = 2, Title = "Dry fly ash, conditioned" };
        await index.UpsertManyAsync([SuggestionService.ToIndexed(newer, Annotator.Annotate(newer, null))], CancellationToken.None);
        var hit = (await SearchAsync(want, "23.51")).Single(h => h.Listing.ListingId == offer.ListingId);
        Assert.Equal(2, hit.Listing.Version);
        Assert.Equal("Dry fly ash, conditioned", hit.Listing.Title);
    }

    [Fact]
    public async Task A_recent_write_is_scored_as_the_reopened_reader_scores_the_same_listing()
    {
        // the same listing twice (two ids): one the reader holds, one only in the recent writes
        for (var i = 0; i < 20; i++)
        {
            await UpsertAsync(Listing("offer", $"Surplus pallets {i}", "Wooden pallets, mixed sizes"));
        }

        var held = Ash();
        await UpsertAsync(held, "35.11");
        index.Refresh();
        var fresh = Ash();
        await UpsertAsync(fresh, "35.11");
        Assert.Equal(1, index.RecentCount);

        var hits = await SearchAsync(Pozzolan(), "23.51");
        var a = hits.Single(h => h.Listing.ListingId == held.ListingId).TextScore;
        var b = hits.Single(h => h.Listing.ListingId == fresh.ListingId).TextScore;
        // the recent one's own terms are not yet counted in document frequencies: a few percent, not a different scale
        Assert.InRange(b / a, 0.9, 1.15);
    }

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(path, recursive: true);
    }
}
