using Marketplace.Listings.Contracts;
using Marketplace.Matching.Search;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.Extensions.Options;

namespace Marketplace.Matching.Matches;

public sealed record MatchItemDto(
    Guid MatchId, Guid ListingId, string Kind, double Score, IReadOnlyList<MatchReason> Reasons,
    double? DistanceKm, TransportCostDto? TransportCostEstimate, string Status, IReadOnlyList<BundleMemberDto>? Members,
    string Interest, string CounterpartInterest)
{
    /// <summary>With <c>Search:MutualTop</c> on, the score less how far it falls short of the counterpart's own best suggestion, what the list is ranked by (<see cref="Reciprocity"/>); otherwise the score.</summary>
    public double Confidence { get; init; }
}

public sealed record MatchListDto(IReadOnlyList<MatchItemDto> Items, string? NextCursor)
{
    /// <summary>Stored open suggestions the reciprocal list does not show (0 with <c>view=all</c>); <c>view=all</c> lists them.</summary>
    public int Hidden { get; init; }
}

/// <summary>
/// GET /api/v1/listings/{id}/matches: a listing's suggestions, best first by confidence (<see cref="Reciprocity"/>), one page at a time. A listing has a
/// bounded number of live matches (SuggestionsPerListing plus those already in play), so the page is cut from the ranked
/// list read whole. <c>view=all</c> lists every stored open suggestion by score: a company in a crowded market can
/// always see what the reciprocal list leaves out, and the list says how many that is (<c>hidden</c>).
/// </summary>
public static class GetListingMatches
{
    public static async Task<Results<Ok<MatchListDto>, NotFound, ValidationProblem>> Handle(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, IOptions<SearchOptions> options, int? limit, string? cursor, string? view, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var page, defaultLimit: 10, max: 100) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (view is not (null or "mutual" or "all"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["view"] = ["view must be mutual (the default: suggestions both sides are among each other's best) or all (every stored suggestion)."] });
        }

        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || (!user.IsOperator() && user.OrganisationId() != listing.OrganisationId))
        {
            return TypedResults.NotFound();
        }

        var matches = await db.Matches.AsNoTracking().Involving(db, id).ToListAsync(cancellationToken);
        var open = matches.Where(m => m.Status is not (MatchStatuses.Withdrawn or MatchStatuses.Declined)).ToDictionary(m => m.Id);
        // the other side: for a bundle member that is not its lead, the want (or offer) the bundle serves, not the lead
        var own = open.Values.Select(m => new Edge(m.Id, listing.Kind == ListingKinds.Want ? m.OfferListingId : m.WantListingId, m.Score, m.Kind == MatchKinds.Bundle)).ToList();
        var inPlay = open.Values.Where(m => m.Status is MatchStatuses.Interested or MatchStatuses.Accepted).Select(m => m.Id).ToHashSet();
        IReadOnlyList<ShownEdge> ranked;
        if (options.Value.MutualTop > 0 && view != "all")
        {
            var (lists, best) = await SuggestionGraph.LoadAsync(db, id, own, cancellationToken);
            ranked = Reciprocity.Shown(own, lists, best, inPlay, options.Value.MutualTop, options.Value.ShownFloor);
        }
        else
        {
            ranked = Reciprocity.PairsFirst([.. own.OrderByDescending(e => e.Score).ThenBy(e => e.MatchId).Select(e => new ShownEdge(e, e.Score, inPlay.Contains(e.MatchId)))]);
        }

        var slice = Paging.Slice(ranked, e => e.Edge.MatchId, page);
        var viewer = CounterpartIdentity.Viewer(user);
        var items = slice.Items.Select(e => (m: open[e.Edge.MatchId], e.Confidence)).Select(x => new MatchItemDto(
            x.m.Id, x.m.OfferListingId == id ? x.m.WantListingId : x.m.OfferListingId, x.m.Kind, x.m.Score, MatchMapping.Reasons(x.m),
            x.m.DistanceKm, MatchMapping.Transport(x.m), x.m.Status, CounterpartIdentity.Members(MatchMapping.Members(x.m), viewer, x.m.Status),
            listing.Kind == ListingKinds.Want ? x.m.WantInterest : x.m.OfferInterest, listing.Kind == ListingKinds.Want ? x.m.OfferInterest : x.m.WantInterest)
        {
            Confidence = x.Confidence,
        }).ToList();
        return TypedResults.Ok(new MatchListDto(items, slice.NextCursor) { Hidden = own.Count - ranked.Count });
    }
}
