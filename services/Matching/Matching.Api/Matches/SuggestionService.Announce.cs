using Marketplace.Listings.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Outbox;

namespace Marketplace.Matching.Matches;

/// <summary>Announcing suggestions: who is told of a pair.</summary>
public sealed partial class SuggestionService
{
    /// <summary>
    /// Stages <see cref="MatchSuggested"/> for each pair just suggested, naming in <c>ShownTo</c> the organisations whose
    /// list shows it now, so that a company hears of what its list shows and not of the weaker possibilities it leaves out
    /// (issue 15). Each side's list is read by <see cref="Reciprocity.Shown"/> from the store before the changes are saved,
    /// with the source's current pairs in place of its stored ones. A counterpart's list is read one step shorter than
    /// <see cref="GetListingMatches"/> reads it: its counterparts' counterparts count as having nothing better.
    /// With the reciprocal list off, every side is told.
    /// </summary>
    private async Task AnnounceAsync(ListingSnapshot source, List<(Match Match, ScoredPair Pair)> staged, CancellationToken cancellationToken)
    {
        var top = options.Value.MutualTop;
        var shown = new HashSet<(Guid Match, Guid Listing)>();
        if (top > 0 && staged.Count > 0)
        {
            var id = source.ListingId;
            var pairs = db.Matches.Local
                .Where(m => m.Kind == MatchKinds.Pair && (m.OfferListingId == id || m.WantListingId == id) && m.Status is not (MatchStatuses.Withdrawn or MatchStatuses.Declined))
                .ToList();
            var own = pairs.Select(m => new Edge(m.Id, m.OfferListingId == id ? m.WantListingId : m.OfferListingId, m.Score)).ToList();
            var (stored, best) = await SuggestionGraph.LoadAsync(db, id, own, cancellationToken);
            var lists = stored.ToDictionary(x => x.Key, x => x.Value);
            lists[id] = own;
            foreach (var edge in own)
            {
                List<Edge> theirs = [.. stored.GetValueOrDefault(edge.Counterpart, []).Where(e => e.Counterpart != id), edge with { Counterpart = id }];
                lists[edge.Counterpart] = theirs;
                best[edge.Counterpart] = Reciprocity.Best(theirs);
            }

            var inPlay = pairs.Where(m => m.Status is MatchStatuses.Interested or MatchStatuses.Accepted).Select(m => m.Id).ToHashSet();
            foreach (var listing in own.Select(e => e.Counterpart).Distinct().Append(id))
            {
                shown.UnionWith(Reciprocity.Shown(lists[listing], lists, best, inPlay, top, options.Value.ShownFloor).Select(e => (e.Edge.MatchId, listing)));
            }
        }

        foreach (var (match, s) in staged)
        {
            IReadOnlyList<Guid>? shownTo = top > 0
                ? [.. new[] { s.Offer, s.Want }.Where(l => shown.Contains((match.Id, l.ListingId))).Select(l => l.OrganisationId).Distinct()]
                : null;
            db.AddEvent(
                new MatchSuggested(match.Id, match.Kind, s.Offer.ListingId, s.Want.ListingId, [s.Offer.OrganisationId, s.Want.OrganisationId], s.Score) { ShownTo = shownTo },
                match.Id.ToString());
        }
    }
}
