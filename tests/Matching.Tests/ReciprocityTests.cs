using Marketplace.Matching.Matches;

namespace Marketplace.Matching.Tests;

/// <summary>A listing is shown a suggestion only when each side is among the other's five best by confidence (issue 15, round four).</summary>
public sealed class ReciprocityTests
{
    private static readonly Guid Viewer = Guid.NewGuid();

    private static Edge To(Guid counterpart, double score) => new(Guid.NewGuid(), counterpart, score);

    /// <summary>The same match seen from the other side.</summary>
    private static Edge Back(Edge edge, Guid from) => edge with { Counterpart = from };

    private static Dictionary<Guid, double> Bests(Dictionary<Guid, IReadOnlyList<Edge>> lists, IReadOnlyList<Edge> own)
    {
        var best = lists.ToDictionary(x => x.Key, x => Reciprocity.Best(x.Value));
        best[Viewer] = Reciprocity.Best(own);
        return best;
    }

    [Fact]
    public void Confidence_is_the_score_less_the_shortfall_from_the_counterparts_best()
    {
        Assert.Equal(0.6, Reciprocity.Confidence(0.6, 0.6), 6);
        Assert.Equal(0.4, Reciprocity.Confidence(0.6, 0.8), 6);
        Assert.Equal(0.6, Reciprocity.Confidence(0.6, 0.5), 6); // never a bonus
    }

    [Fact]
    public void A_candidate_with_a_much_better_partner_elsewhere_ranks_below_one_that_wants_this_listing_most()
    {
        var (busy, keen) = (Guid.NewGuid(), Guid.NewGuid());
        var toBusy = To(busy, 0.70);
        var toKeen = To(keen, 0.60);
        var best = new Dictionary<Guid, double> { [busy] = 0.90, [keen] = 0.60 };
        var ranked = Reciprocity.Ranked([toBusy, toKeen], best);
        Assert.Equal([keen, busy], ranked.Select(r => r.Edge.Counterpart));
        Assert.Equal(0.50, ranked[1].Confidence, 6);
    }

    [Fact]
    public void A_listing_whose_candidates_all_have_five_better_partners_is_shown_nothing()
    {
        var candidate = Guid.NewGuid();
        var own = new List<Edge> { To(candidate, 0.55) };
        var theirs = Enumerable.Range(0, 5).Select(i => To(Guid.NewGuid(), 0.8 - (i * 0.01))).Append(Back(own[0], Viewer)).ToList();
        var lists = new Dictionary<Guid, IReadOnlyList<Edge>> { [candidate] = theirs };
        Assert.Empty(Reciprocity.Shown(own, lists, Bests(lists, own), new HashSet<Guid>()));

        var fewer = theirs.Skip(1).ToList(); // four better partners: the viewer is fifth
        var shorter = new Dictionary<Guid, IReadOnlyList<Edge>> { [candidate] = fewer };
        Assert.Single(Reciprocity.Shown(own, shorter, Bests(shorter, own), new HashSet<Guid>()));
    }

    [Fact]
    public void Only_the_five_best_of_the_listings_own_are_shown_even_when_each_wants_it_most()
    {
        var own = Enumerable.Range(0, 7).Select(i => To(Guid.NewGuid(), 0.7 - (i * 0.02))).ToList();
        var lists = own.ToDictionary(e => e.Counterpart, e => (IReadOnlyList<Edge>)[Back(e, Viewer)]);
        var shown = Reciprocity.Shown(own, lists, Bests(lists, own), new HashSet<Guid>());
        Assert.Equal(own.Take(Reciprocity.MutualTop).Select(e => e.MatchId), shown.Select(s => s.Edge.MatchId));
    }

    [Fact]
    public void A_match_a_side_has_acted_on_is_always_shown()
    {
        var candidate = Guid.NewGuid();
        var own = new List<Edge> { To(candidate, 0.4) };
        var theirs = Enumerable.Range(0, 6).Select(i => To(Guid.NewGuid(), 0.9)).Append(Back(own[0], Viewer)).ToList();
        var lists = new Dictionary<Guid, IReadOnlyList<Edge>> { [candidate] = theirs };
        var shown = Reciprocity.Shown(own, lists, Bests(lists, own), new HashSet<Guid> { own[0].MatchId });
        Assert.True(Assert.Single(shown).InPlay);
    }

    [Fact]
    public void Look_alike_listings_share_a_rank_so_a_new_copy_is_shown_with_the_others()
    {
        // ten identical offers and ten identical wants: the newest want is as good a partner as the first
        var offers = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        var own = offers.Select(o => To(o, 0.7)).ToList();
        var lists = own.ToDictionary(e => e.Counterpart, e => (IReadOnlyList<Edge>)[.. Enumerable.Range(0, 9).Select(_ => To(Guid.NewGuid(), 0.7)), Back(e, Viewer)]);
        var ranked = Reciprocity.Ranked(own, Bests(lists, own));
        Assert.All(ranked, r => Assert.Equal(1, r.Rank));
        Assert.Equal(10, Reciprocity.Shown(own, lists, Bests(lists, own), new HashSet<Guid>()).Count);
    }

    [Fact]
    public void Ranks_after_a_tie_skip_the_tied_places()
    {
        var own = new List<Edge> { To(Guid.NewGuid(), 0.8), To(Guid.NewGuid(), 0.8), To(Guid.NewGuid(), 0.6) };
        var ranks = Reciprocity.Ranked(own, new Dictionary<Guid, double>()).Select(r => r.Rank);
        Assert.Equal([1, 1, 3], ranks);
    }

    [Fact]
    public void A_listing_the_rule_leaves_empty_still_sees_a_strong_best()
    {
        // a kiln whose candidate source has five closer kilns: confidence 0.62 - (0.70 - 0.62) = 0.54
        var source = Guid.NewGuid();
        var own = new List<Edge> { To(source, 0.62), To(Guid.NewGuid(), 0.45) };
        var theirs = Enumerable.Range(0, 5).Select(i => To(Guid.NewGuid(), 0.70 - (i * 0.01))).Append(Back(own[0], Viewer)).ToList();
        var weak = own[1].Counterpart;
        var lists = new Dictionary<Guid, IReadOnlyList<Edge>> { [source] = theirs, [weak] = [.. Enumerable.Range(0, 5).Select(_ => To(Guid.NewGuid(), 0.9)), Back(own[1], Viewer)] };
        var shown = Reciprocity.Shown(own, lists, Bests(lists, own), new HashSet<Guid>());
        Assert.Equal(source, Assert.Single(shown).Edge.Counterpart);
        Assert.Equal(0.54, shown[0].Confidence, 6);
    }

    [Fact]
    public void A_pool_takes_the_next_pairs_rank_moves_no_pair_down_is_listed_after_the_pairs_and_is_no_ones_best()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var own = new List<Edge> { To(a, 0.8), To(a, 0.7) with { Pooled = true }, To(b, 0.6), To(c, 0.5) };
        var ranked = Reciprocity.Ranked(own, new Dictionary<Guid, double>());
        Assert.Equal([1, 2, 2, 3], ranked.Select(r => r.Rank));
        var listed = Reciprocity.PairsFirst([.. ranked.Select(r => new ShownEdge(r.Edge, r.Confidence, false))]);
        Assert.Equal([own[0], own[2], own[3], own[1]], listed.Select(e => e.Edge));
        Assert.Equal(0.6, Reciprocity.Best([To(b, 0.6), To(a, 0.9) with { Pooled = true }]), 6);
        Assert.Equal(0, Reciprocity.Best([To(a, 0.9) with { Pooled = true }]), 6);
    }

    [Fact]
    public void A_weak_suggestion_is_shown_as_a_listings_first_but_not_as_a_runner_up()
    {
        // each candidate wants this listing most: without the floor all three are shown
        var own = new List<Edge> { To(Guid.NewGuid(), 0.60), To(Guid.NewGuid(), Reciprocity.ShownFloor), To(Guid.NewGuid(), Reciprocity.ShownFloor - 0.01) };
        var lists = own.ToDictionary(e => e.Counterpart, e => (IReadOnlyList<Edge>)[Back(e, Viewer)]);
        Assert.Equal(3, Reciprocity.Shown(own, lists, Bests(lists, own), new HashSet<Guid>(), shownFloor: 0).Count);
        var shown = Reciprocity.Shown(own, lists, Bests(lists, own), new HashSet<Guid>());
        Assert.Equal(own.Take(2).Select(e => e.MatchId), shown.Select(s => s.Edge.MatchId));

        // a side that acted on the weak one still sees it
        Assert.Equal(3, Reciprocity.Shown(own, lists, Bests(lists, own), new HashSet<Guid> { own[2].MatchId }).Count);

        // the same weak suggestion alone is the listing's first, and shown
        var alone = new List<Edge> { own[2] };
        var single = new Dictionary<Guid, IReadOnlyList<Edge>> { [own[2].Counterpart] = [Back(own[2], Viewer)] };
        Assert.Equal(own[2].MatchId, Assert.Single(Reciprocity.Shown(alone, single, Bests(single, alone), new HashSet<Guid>())).Edge.MatchId);
    }
}
