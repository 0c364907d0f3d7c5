using Marketplace.Listings.Contracts;
using Marketplace.ServiceDefaults.Paging;

namespace Marketplace.Matching.Matches;

public sealed record MatchItemDto(
    Guid MatchId, Guid ListingId, string Kind, double Score, IReadOnlyList<MatchReason> Reasons,
    double? DistanceKm, TransportCostDto? TransportCostEstimate, string Status, IReadOnlyList<BundleMemberDto>? Members,
    string Interest, string CounterpartInterest);

public sealed record MatchListDto(IReadOnlyList<MatchItemDto> Items, string? NextCursor);

/// <summary>
/// GET /api/v1/listings/{id}/matches: a listing's suggestions, best first (ties by id), one page at a time. A listing has a
/// bounded number of live matches (SuggestionsPerListing plus those already in play), so the page is cut from the ranked
/// list read whole.
/// </summary>
public static class GetListingMatches
{
    public static async Task<Results<Ok<MatchListDto>, NotFound, ValidationProblem>> Handle(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var page, defaultLimit: 10, max: 100) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || (!user.IsOperator() && user.OrganisationId() != listing.OrganisationId))
        {
            return TypedResults.NotFound();
        }

        var matches = await db.Matches.AsNoTracking().Involving(db, id).ToListAsync(cancellationToken);
        var ranked = matches.Where(m => m.Status is not (MatchStatuses.Withdrawn or MatchStatuses.Declined)).OrderByDescending(m => m.Score).ThenBy(m => m.Id).ToList();
        var slice = Paging.Slice(ranked, m => m.Id, page);
        var viewer = CounterpartIdentity.Viewer(user);
        var items = slice.Items.Select(m => new MatchItemDto(
            m.Id, m.OfferListingId == id ? m.WantListingId : m.OfferListingId, m.Kind, m.Score, MatchMapping.Reasons(m),
            m.DistanceKm, MatchMapping.Transport(m), m.Status, CounterpartIdentity.Members(MatchMapping.Members(m), viewer, m.Status),
            listing.Kind == ListingKinds.Want ? m.WantInterest : m.OfferInterest, listing.Kind == ListingKinds.Want ? m.OfferInterest : m.WantInterest)).ToList();
        return TypedResults.Ok(new MatchListDto(items, slice.NextCursor));
    }
}
