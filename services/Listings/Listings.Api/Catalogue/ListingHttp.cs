using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// What the listing use cases share: loading a listing for a write (404, 403, 412 with <c>If-Match</c>), saving
/// with the version check, ETags, and the caller's view of one listing or a page of them.
/// </summary>
internal static class ListingHttp
{
    /// <summary>Loads a listing the caller may change: 404 when it may not even see it, 403 when it only may see it, 412 when If-Match is stale.</summary>
    public static async Task<(Listing? Listing, ProblemHttpResult? Refusal)> LoadForWriteAsync(
        Guid id, HttpContext http, ClaimsPrincipal user, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        var viewer = Viewer.Of(user);
        if (listing is null || !viewer.CanSee(listing))
        {
            return (null, null);
        }

        if (!viewer.CanManage(listing))
        {
            return (null, Forbidden("Only the owning organisation or an operator may change this listing."));
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*"
            && !ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == ETag(listing) || t == "W/" + ETag(listing)))
        {
            SetETag(http, listing);
            return (null, Problems.PreconditionFailed("Stale version",
                $"If-Match {ifMatch} does not match the current version {ETag(listing)}; GET the listing and retry."));
        }

        return (listing, null);
    }

    public static async Task<ProblemHttpResult?> SaveAsync(ListingsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed("Stale version",
                "The listing changed while this request was processed; GET it and retry.");
        }
    }

    public static bool SameContent(ListingSnapshot a, ListingSnapshot b) =>
        a with { Attributes = [] } == b with { Attributes = [] } && a.Attributes.SequenceEqual(b.Attributes);

    public static async Task<ListingDto> ViewAsync(ListingsDbContext db, Viewer viewer, Listing listing, CancellationToken cancellationToken)
    {
        var revealed = !viewer.SeesInFull(listing, false) && viewer.OrganisationId is { } org
            && await db.ListingReveals.AnyAsync(r => r.ListingId == listing.Id && r.ViewerOrganisationId == org, cancellationToken);
        var full = viewer.SeesInFull(listing, revealed);
        var name = full ? await db.Organisations.Where(o => o.Id == listing.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) : null;
        return listing.AsDto(name, full);
    }

    public static async Task<IReadOnlyList<ListingDto>> ViewAsync(ListingsDbContext db, Viewer viewer, List<Listing> items, CancellationToken cancellationToken)
    {
        var masked = items.Where(l => !viewer.SeesInFull(l, false)).Select(l => l.Id).ToList();
        var revealed = new HashSet<Guid>();
        if (masked.Count > 0 && viewer.OrganisationId is { } me)
        {
            revealed = [.. await db.ListingReveals.Where(r => r.ViewerOrganisationId == me && masked.Contains(r.ListingId))
                .Select(r => r.ListingId).ToListAsync(cancellationToken)];
        }

        var orgIds = items.Select(l => l.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. items.Select(l => l.AsDto(names.GetValueOrDefault(l.OrganisationId), viewer.SeesInFull(l, revealed.Contains(l.Id))))];
    }

    public static string ETag(Listing listing) => $"\"{listing.Version}\"";

    public static void SetETag(HttpContext http, Listing listing) => http.Response.Headers.ETag = ETag(listing);

    public static ProblemHttpResult Forbidden(string detail) => Problems.Forbidden(detail);

    public static ProblemHttpResult Conflict(string detail) => Problems.Conflict("Conflict", detail);
}
