using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>
/// The embedded engine's vector candidate source with the real all-MiniLM-L6-v2 model (shipped in a package, so
/// these run offline and in CI; the model loads once for the class, about 2 s and 300 MB).
/// </summary>
public sealed class VectorCandidateTests : IDisposable
{
    private static readonly MiniLmEmbedder Embedder = new();
    private static readonly Annotator Annotator = new(Kb);
    private readonly string path = Path.Combine(Path.GetTempPath(), "vector-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static IndexedListing Indexed(ListingSnapshot listing) =>
        SuggestionService.ToIndexed(listing, Embedder.WithVector(listing, Annotator.Annotate(listing, null), Kb));

    /// <summary>A query with no terms at all: whatever it finds, only the vector source found.</summary>
    private static CandidateQuery VectorOnly(ListingSnapshot source, int k) =>
        new(source, [], new Dictionary<string, float>(), 50) { Vector = Indexed(source).Annotation!.Vector, VectorCandidates = k };

    private static readonly ListingSnapshot[] Unrelated =
    [
        Listing("offer", "Used lithium-ion battery cells", "End-of-life laptop cells, sorted"),
        Listing("offer", "Surplus office chairs", "Forty swivel chairs from a refurbished floor"),
        Listing("offer", "Waste heat at 45 degrees", "Cooling water from a data centre", resourceClass: "energy"),
    ];

    [Fact]
    public async Task A_paraphrase_with_no_shared_words_is_found_by_the_vector_source()
    {
        var draff = Listing("offer", "Brewer's draff for cattle feed", "");
        using (var index = new LuceneListingIndex(path))
        {
            await index.UpsertManyAsync([Indexed(draff), .. Unrelated.Select(Indexed)], CancellationToken.None);
            var want = Listing("want", "Spent brewing grains", "");
            var hits = await index.FindCandidatesAsync(VectorOnly(want, 1), CancellationToken.None);
            Assert.Equal(draff.ListingId, Assert.Single(hits).Listing.ListingId);
            Assert.NotNull(hits[0].Annotation?.Vector); // handed to the scorer's vector component

            var none = await index.FindCandidatesAsync(VectorOnly(want, 1) with { VectorCandidates = 0 }, CancellationToken.None);
            Assert.Empty(none);
        }
    }

    [Fact]
    public async Task Vectors_are_read_back_when_the_index_opens_again_and_follow_removals_and_status()
    {
        var draff = Listing("offer", "Brewer's draff for cattle feed", "");
        var paused = Listing("offer", "Brewer's draff for cattle feed", "") with { Status = ListingStatuses.Paused };
        var want = Listing("want", "Spent brewing grains", "");
        using (var index = new LuceneListingIndex(path))
        {
            await index.UpsertAsync(Indexed(draff), CancellationToken.None);
            await index.UpsertAsync(Indexed(paused), CancellationToken.None);
            await index.UpsertAsync(Indexed(Unrelated[0]), CancellationToken.None);
        }

        using (var index = new LuceneListingIndex(path))
        {
            var hits = await index.FindCandidatesAsync(VectorOnly(want, 5), CancellationToken.None);
            Assert.Equal([draff.ListingId, Unrelated[0].ListingId], hits.Select(h => h.Listing.ListingId));
            await index.RemoveAsync(draff.ListingId, CancellationToken.None);
            Assert.DoesNotContain(draff.ListingId, (await index.FindCandidatesAsync(VectorOnly(want, 5), CancellationToken.None)).Select(h => h.Listing.ListingId));
        }
    }

    [Fact]
    public void The_model_places_a_paraphrase_nearer_than_unrelated_listings()
    {
        var v = Embedder.Embed(["Spent brewing grains", "Brewer's draff for cattle feed", .. Unrelated.Select(u => u.Title)]);
        Assert.All(v, x => Assert.Equal(1f, VectorMath.Dot(x, x), 3));
        var paraphrase = VectorMath.Dot(v[0], v[1]);
        Assert.All(v.Skip(2), u => Assert.True(VectorMath.Dot(v[0], u) < paraphrase));
    }
}
