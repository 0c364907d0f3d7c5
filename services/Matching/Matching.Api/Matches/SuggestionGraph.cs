using Marketplace.Matching.Data;

namespace Marketplace.Matching.Matches;

/// <summary>
/// The stored matches <see cref="Reciprocity"/> reads for one listing's list: each counterpart's open matches, and the
/// best score and open matches of every listing those reach (what each counterpart's own list is read from). Two
/// projections of (id, offer, want, score, status, kind), each an index seek per listing; a bundle counts for its lead
/// offer and want here, marked as a pool.
/// </summary>
internal static class SuggestionGraph
{
    public static async Task<(IReadOnlyDictionary<Guid, IReadOnlyList<Edge>> Lists, Dictionary<Guid, double> Best)> LoadAsync(
        MatchingDbContext db, Guid viewer, IReadOnlyList<Edge> own, CancellationToken cancellationToken)
    {
        var counterparts = own.Select(e => e.Counterpart).Distinct().ToList();
        var lists = await ListsAsync(db, counterparts, cancellationToken);
        var best = new Dictionary<Guid, double> { [viewer] = Reciprocity.Best(own) };
        foreach (var (id, edges) in lists)
        {
            best[id] = Reciprocity.Best(edges);
        }

        var further = lists.Values.SelectMany(l => l).Select(e => e.Counterpart).Where(id => !best.ContainsKey(id)).Distinct().ToList();
        foreach (var (id, edges) in await ListsAsync(db, further, cancellationToken))
        {
            best[id] = Reciprocity.Best(edges);
            lists[id] = edges;
        }

        return (lists, best);
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<Edge>>> ListsAsync(MatchingDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var lists = ids.ToDictionary(id => id, _ => new List<Edge>());
        if (ids.Count > 0)
        {
            var rows = await db.Matches.AsNoTracking()
                .Where(m => ids.Contains(m.OfferListingId) || ids.Contains(m.WantListingId))
                .Select(m => new { m.Id, m.OfferListingId, m.WantListingId, m.Score, m.Status, m.Kind })
                .ToListAsync(cancellationToken);
            foreach (var m in rows.Where(m => m.Status is not (MatchStatuses.Withdrawn or MatchStatuses.Declined)))
            {
                if (lists.TryGetValue(m.OfferListingId, out var offer))
                {
                    offer.Add(new Edge(m.Id, m.WantListingId, m.Score, m.Kind == MatchKinds.Bundle));
                }

                if (lists.TryGetValue(m.WantListingId, out var want))
                {
                    want.Add(new Edge(m.Id, m.OfferListingId, m.Score, m.Kind == MatchKinds.Bundle));
                }
            }
        }

        return lists.ToDictionary(x => x.Key, x => (IReadOnlyList<Edge>)x.Value);
    }
}
