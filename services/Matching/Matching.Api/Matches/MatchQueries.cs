using Marketplace.Matching.Data;

namespace Marketplace.Matching.Matches;

public static class MatchQueries
{
    /// <summary>
    /// The matches a listing takes part in: as the offer, as the want, or pooled in a bundle. Each of the three is an
    /// index seek (an IN over the members' ids, not a correlated EXISTS, which would defeat the OR optimisation) (the offer/want indexes and <see cref="MatchMember"/>'s listing index), so the cost follows the
    /// listing's own matches, not the size of the table. Filter the few rows it returns in memory: a status condition
    /// beside the OR leads SQLite, which keeps no statistics unless ANALYZE ran, to scan the status index instead.
    /// </summary>
    public static IQueryable<Match> Involving(this IQueryable<Match> matches, MatchingDbContext db, Guid listingId) =>
        matches.Where(m => m.OfferListingId == listingId || m.WantListingId == listingId
                           || db.MatchMembers.Where(x => x.ListingId == listingId).Select(x => x.MatchId).Contains(m.Id));
}
