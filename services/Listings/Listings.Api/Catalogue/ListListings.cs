using System.Globalization;
using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Taxonomy;
using Cursor = Marketplace.ServiceDefaults.Paging.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Catalogue;

public sealed record ListingPage(IReadOnlyList<ListingDto> Items, string? NextCursor);

/// <summary>
/// GET /api/v1/listings: filters, full text and keyset pagination (newest first by the time-ordered id; the
/// cursor is the last id seen, opaque to clients). Without <c>status</c> only published listings are listed.
/// </summary>
public static class ListListings
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private sealed record Circle(double Lat, double Lon, double Km);

    public static async Task<Results<Ok<ListingPage>, ValidationProblem>> Handle(
        ClaimsPrincipal user, ListingsDbContext db, CancellationToken cancellationToken,
        string? kind = null, string? resourceClass = null, string? ewc = null, string? q = null, string? near = null,
        double? radiusKm = null, Guid? organisationId = null, string? status = null, int? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var viewer = Viewer.Of(user);
        var terms = string.IsNullOrWhiteSpace(q) ? [] : ListingSearch.Terms(q);
        var query = await ByStatusAsync(db, viewer, status, terms, errors, cancellationToken);
        query = ByKindClassAndOwner(query, viewer, kind, resourceClass, organisationId, errors);
        query = ByWasteCodeAndText(db, query, ewc, q, terms, errors);
        (query, var circle) = Near(query, near, radiusKm, errors);
        var after = Paging(limit, cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var size = limit ?? DefaultLimit;
        var page = await PageAsync(query, circle, size, after, cancellationToken);
        var next = page.Count > size ? Cursor.Encode(page[size - 1].Id) : null;
        var items = page.Take(size).ToList();
        return TypedResults.Ok(new ListingPage(await ListingHttp.ViewAsync(db, viewer, items, cancellationToken), next));
    }

    private static async Task<IQueryable<Listing>> ByStatusAsync(
        ListingsDbContext db, Viewer viewer, string? status, List<string> terms, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var query = db.Listings.AsNoTracking();
        if (status is not null && !ListingStatuses.All.Contains(status))
        {
            errors["status"] = [$"status must be one of: {string.Join(", ", ListingStatuses.All)}."];
        }

        var statusValue = status ?? ListingStatuses.Published;
        if (terms.Count > 0 && await ListingSearch.IsSelectiveAsync(db, terms, cancellationToken))
        {
            // Few text hits: let SQLite start from them (SearchKey index) rather than walk the (Status, Id) index
            // past thousands of non-matching rows; comparing Status under NOCASE keeps it off that index.
            query = query.Where(l => EF.Functions.Collate(l.Status, "NOCASE") == statusValue);
        }
        else
        {
            query = query.Where(l => l.Status == statusValue);
        }

        if (!viewer.IsOperator)
        {
            var own = viewer.OrganisationId ?? Guid.Empty;
            query = query.Where(l => l.Status != ListingStatuses.Draft || l.OrganisationId == own);
        }

        return query;
    }

    private static IQueryable<Listing> ByKindClassAndOwner(IQueryable<Listing> query, Viewer viewer,
        string? kind, string? resourceClass, Guid? organisationId, Dictionary<string, string[]> errors)
    {
        if (kind is not null)
        {
            if (!ListingKinds.All.Contains(kind))
            {
                errors["kind"] = ["kind must be 'offer' or 'want'."];
            }

            query = query.Where(l => l.Kind == kind);
        }

        if (resourceClass is not null)
        {
            if (!ResourceClasses.All.Contains(resourceClass))
            {
                errors["resourceClass"] = [$"resourceClass must be one of: {string.Join(", ", ResourceClasses.All)}."];
            }

            query = query.Where(l => l.ResourceClass == resourceClass);
        }

        if (organisationId is { } org)
        {
            query = query.Where(l => l.OrganisationId == org);
            if (!viewer.IsOperator && viewer.OrganisationId != org)
            {
                // Filtering anonymous listings by owner would unmask them.
                query = query.Where(l => l.Visibility == Visibilities.Public);
            }
        }

        return query;
    }

    private static IQueryable<Listing> ByWasteCodeAndText(ListingsDbContext db, IQueryable<Listing> query,
        string? ewc, string? q, List<string> terms, Dictionary<string, string[]> errors)
    {
        if (ewc is not null)
        {
            var digits = new string([.. ewc.Where(char.IsAsciiDigit)]);
            if (digits.Length is 0 or > 6 || digits.Length % 2 != 0 || ewc.Any(ch => !char.IsAsciiDigit(ch) && ch is not (' ' or '*' or '.')))
            {
                errors["ewc"] = ["ewc must be a code prefix such as '10', '10 01' or '10 01 02'."];
            }
            else
            {
                var prefix = EwcCatalog.Format(digits);
                query = query.Where(l => l.EwcCode!.StartsWith(prefix));
            }
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            if (terms.Count == 0)
            {
                errors["q"] = ["q must contain at least one word."];
            }
            else
            {
                query = ListingSearch.Matching(db, query, terms);
            }
        }

        return query;
    }

    /// <summary>A bounding box in the query; the exact circle is checked on the rows read (see <see cref="PageAsync"/>).</summary>
    private static (IQueryable<Listing> Query, Circle? Circle) Near(
        IQueryable<Listing> query, string? near, double? radiusKm, Dictionary<string, string[]> errors)
    {
        if (near is null)
        {
            if (radiusKm is not null)
            {
                errors["radiusKm"] = ["radiusKm needs near=lat,lon."];
            }

            return (query, null);
        }

        var parts = near.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90
            || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180)
        {
            errors["near"] = ["near must be 'lat,lon' with lat in [-90, 90] and lon in [-180, 180], e.g. near=55.6,11.1."];
            return (query, null);
        }

        if (radiusKm is <= 0 or > 20000)
        {
            errors["radiusKm"] = ["radiusKm must be greater than 0 and at most 20000."];
            return (query, null);
        }

        var km = radiusKm ?? 50;
        var (minLat, maxLat, minLon, maxLon) = Geo.BoundingBox(lat, lon, km);
        query = query.Where(l => l.PublicLat >= minLat && l.PublicLat <= maxLat);
        if (minLon >= -180 && maxLon <= 180)
        {
            query = query.Where(l => l.PublicLon >= minLon && l.PublicLon <= maxLon);
        }

        return (query, new Circle(lat, lon, km));
    }

    private static Guid? Paging(int? limit, string? cursor, Dictionary<string, string[]> errors)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        if (cursor is null)
        {
            return null;
        }

        var after = Cursor.Decode(cursor);
        if (after is null)
        {
            errors["cursor"] = ["cursor is not one this API issued; start again without it."];
        }

        return after;
    }

    /// <summary>Up to <paramref name="size"/> + 1 listings newest first; with a circle, reads on in batches past rows outside it.</summary>
    private static async Task<List<Listing>> PageAsync(
        IQueryable<Listing> query, Circle? circle, int size, Guid? after, CancellationToken cancellationToken)
    {
        var fetch = circle is null ? size + 1 : Math.Max(size * 4, 100);
        var page = new List<Listing>(size + 1);
        while (page.Count <= size)
        {
            var batchQuery = after is { } a ? query.Where(l => l.Id.CompareTo(a) < 0) : query;
            var batch = await batchQuery.OrderByDescending(l => l.Id).Take(fetch).ToListAsync(cancellationToken);
            foreach (var listing in batch)
            {
                if (circle is { } c && Geo.DistanceKm(c.Lat, c.Lon, listing.PublicLat, listing.PublicLon) > c.Km)
                {
                    continue;
                }

                page.Add(listing);
                if (page.Count > size)
                {
                    break;
                }
            }

            if (batch.Count < fetch)
            {
                break;
            }

            after = batch[^1].Id;
        }

        return page;
    }
}

/// <summary>The keyset cursor: the last id seen, base64url so clients treat it as opaque.</summary>
