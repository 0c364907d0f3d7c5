using Marketplace.Matching.Matches;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

public sealed class BundlingTests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    private static ScoredPair Pair(Side offer, Side want) => Scoring.Score(offer, want, Kb, NothingLearned)!;

    private static Side Ash(decimal tonnes, double lon) =>
        Side(Listing("offer", "Dry fly ash", "Pulverised fuel ash from coal units", ewc: "10 01 02", yearly: tonnes, lon: lon), "35.11");

    private static Side Kiln(decimal tonnes) =>
        Side(Listing("want", "Fly ash for blended cement", "Pozzolan for clinker substitution", yearly: tonnes), "23.51");

    [Fact]
    public void Small_offers_are_pooled_cheapest_transport_first_to_cover_a_want()
    {
        var kiln = Kiln(1000);
        var near = Ash(400, 11.1);
        var middle = Ash(400, 11.3);
        var far = Ash(400, 11.6);
        var farthest = Ash(400, 12.0);
        var bundles = Bundling.Propose(kiln.Listing, [Pair(far, kiln), Pair(farthest, kiln), Pair(near, kiln), Pair(middle, kiln)], Kb.Factors);

        var bundle = Assert.Single(bundles);
        var members = bundle.Members.Skip(1).ToList();
        Assert.Equal([near.Listing.ListingId, middle.Listing.ListingId, far.Listing.ListingId], members.Select(m => m.ListingId));
        Assert.Equal([0.4, 0.4, 0.2], members.Select(m => m.Share));
        Assert.Equal(kiln.Listing.ListingId, bundle.Members[0].ListingId);
        Assert.InRange(bundle.Score, 0, 1);
        Assert.Contains(bundle.Reasons, r => r.Component == "bundle");
        Assert.NotNull(bundle.Transport);
    }

    [Fact]
    public void No_bundle_when_one_offer_covers_the_need()
    {
        var kiln = Kiln(1000);
        Assert.Empty(Bundling.Propose(kiln.Listing, [Pair(Ash(400, 11.1), kiln), Pair(Ash(1200, 11.2), kiln)], Kb.Factors));
    }

    [Fact]
    public void Offers_of_different_kinds_are_not_pooled()
    {
        var kiln = Kiln(1000);
        var sawdust = Side(Listing("offer", "Softwood sawdust", "Sawdust and planer shavings", ewc: "03 01 05", yearly: 700), "16.10");
        Assert.Empty(Bundling.Propose(kiln.Listing, [Pair(Ash(400, 11.1), kiln), Pair(sawdust, kiln)], Kb.Factors));
    }

    [Fact]
    public void One_large_offer_is_split_over_several_wants()
    {
        var ash = Ash(3000, 11.1);
        var pairs = new[] { Pair(ash, Kiln(1500)), Pair(ash, Kiln(1000)), Pair(ash, Kiln(800)) };
        var bundle = Assert.Single(Bundling.Propose(ash.Listing, pairs, Kb.Factors));
        Assert.Equal(ash.Listing.ListingId, bundle.Members[0].ListingId);
        Assert.All(bundle.Members.Skip(1), m => Assert.Equal("want", m.Kind));
        Assert.Equal(1.0, bundle.Members.Skip(1).Sum(m => m.Share), 6);
    }

    [Fact]
    public void A_smaller_listing_in_the_same_unit_could_join_its_counterparts_pool_and_a_covering_or_other_unit_one_could_not()
    {
        var kiln = Kiln(1000);
        var small = Ash(400, 11.1);
        Assert.True(Bundling.CouldJoinPool(small.Listing, Pair(small, kiln)));
        Assert.False(Bundling.CouldJoinPool(kiln.Listing, Pair(small, kiln))); // the want is the larger side
        var covering = Ash(1000, 11.1);
        Assert.False(Bundling.CouldJoinPool(covering.Listing, Pair(covering, kiln)));
        var inCubicMetres = Side(Listing("offer", "Dry fly ash", "Pulverised fuel ash from coal units", ewc: "10 01 02", yearly: 400, unit: "m3"), "35.11");
        Assert.False(Bundling.CouldJoinPool(inCubicMetres.Listing, Pair(inCubicMetres, kiln))); // not added to tonnes
    }
}
