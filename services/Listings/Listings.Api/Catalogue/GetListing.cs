using System.Security.Claims;
using Marketplace.Listings.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Listings.Catalogue.ListingHttp;

namespace Marketplace.Listings.Catalogue;

/// <summary>GET /api/v1/listings/{id}: the listing as this caller may see it, with its ETag.</summary>
public static class GetListing
{
    public static async Task<Results<Ok<ListingDto>, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, ListingsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        var viewer = Viewer.Of(user);
        if (listing is null || !viewer.CanSee(listing))
        {
            return TypedResults.NotFound();
        }

        SetETag(http, listing);
        return TypedResults.Ok(await ViewAsync(db, viewer, listing, cancellationToken));
    }
}
