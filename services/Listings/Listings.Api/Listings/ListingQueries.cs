using System.Security.Claims;
using Marketplace.Listings.Data;
using Marketplace.Listings.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Listings;

public sealed record ListingPage(IReadOnlyList<ListingDto> Items, string? NextCursor);

/// <summary>
/// GET /api/v1/listings: filters, full text and keyset pagination (newest first by the time-ordered id; the
/// cursor is the last id seen, opaque to clients). Without <c>status</c> only published listings are listed.
/// </summary>
public static class ListingQueries
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const double EarthRadiusKm = 6371.0;

    public static async Task<Results<Ok<ListingPage>, ValidationProblem>> ListListings(
        ClaimsPrincipal user, ListingsDbContext db, CancellationToken cancellationToken,
        string? kind = null, string? resourceClass = null, string? ewc = null, string? q = null, string? near = null,
        double? radiusKm = null, Guid? organisationId = null, string? status = null, int? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var viewer = Viewer.Of(user);
        var query = db.Listings.AsNoTracking();

        if (status is not null && !ListingStatuses.All.Contains(status))
        {
            errors["status"] = [$"status must be one of: {string.Join(", ", ListingStatuses.All)}."];
        }

        var terms = string.IsNullOrWhiteSpace(q) ? [] : ListingSearch.Terms(q);
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

        (double Lat, double Lon, double Km)? circle = null;
        if (near is not null)
        {
            var parts = near.Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90
                || !double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180)
            {
                errors["near"] = ["near must be 'lat,lon' with lat in [-90, 90] and lon in [-180, 180], e.g. near=55.6,11.1."];
            }
            else if (radiusKm is <= 0 or > 20000)
            {
                errors["radiusKm"] = ["radiusKm must be greater than 0 and at most 20000."];
            }
            else
            {
                var km = radiusKm ?? 50;
                circle = (lat, lon, km);
                var dLat = km / 111.32;
                var dLon = Math.Min(km / (111.32 * Math.Max(Math.Cos(lat * Math.PI / 180), 0.01)), 360);
                double minLat = lat - dLat, maxLat = lat + dLat, minLon = lon - dLon, maxLon = lon + dLon;
                query = query.Where(l => l.PublicLat >= minLat && l.PublicLat <= maxLat);
                if (minLon >= -180 && maxLon <= 180)
                {
                    query = query.Where(l => l.PublicLon >= minLon && l.PublicLon <= maxLon);
                }
            }
        }
        else if (radiusKm is not null)
        {
            errors["radiusKm"] = ["radiusKm needs near=lat,lon."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        Guid? after = null;
        if (cursor is not null)
        {
            if (DecodeCursor(cursor) is { } decoded)
            {
                after = decoded;
            }
            else
            {
                errors["cursor"] = ["cursor is not one this API issued; start again without it."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var size = limit ?? DefaultLimit;
        var fetch = circle is null ? size + 1 : Math.Max(size * 4, 100);
        var page = new List<Listing>(size + 1);
        while (page.Count <= size)
        {
            var batchQuery = after is { } a ? query.Where(l => l.Id.CompareTo(a) < 0) : query;
            var batch = await batchQuery.OrderByDescending(l => l.Id).Take(fetch).ToListAsync(cancellationToken);
            foreach (var listing in batch)
            {
                if (circle is { } c && DistanceKm(c.Lat, c.Lon, listing.PublicLat, listing.PublicLon) > c.Km)
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

        var next = page.Count > size ? EncodeCursor(page[size - 1].Id) : null;
        var items = page.Take(size).ToList();
        return TypedResults.Ok(new ListingPage(await ViewAsync(db, viewer, items, cancellationToken), next));
    }

    internal static async Task<IReadOnlyList<ListingDto>> ViewAsync(ListingsDbContext db, Viewer viewer, List<Listing> items, CancellationToken cancellationToken)
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

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static string EncodeCursor(Guid id) => Convert.ToBase64String(id.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Guid? DecodeCursor(string cursor)
    {
        var s = cursor.Replace('-', '+').Replace('_', '/');
        s += new string('=', (4 - (s.Length % 4)) % 4);
        var bytes = new byte[16];
        return s.Length == 24 && Convert.TryFromBase64String(s, bytes, out var written) && written == 16 ? new Guid(bytes) : null;
    }
}

/// <summary>
/// Full text. SQLite: the FTS5 table ListingsFts (porter stemming, kept in step by triggers, see the
/// AddListingModel migration). SQL Server: every word must occur in title or description (LIKE), which needs
/// no full-text catalog; a deployment with one can swap in CONTAINS here.
/// </summary>
public static class ListingSearch
{
    public static List<string> Terms(string q) =>
        [.. q.Split((char[])[' ', ',', ';', '.', ':', '-', '/', '(', ')', '"', '\'', '*', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new string([.. t.Where(char.IsLetterOrDigit)]))
            .Where(t => t.Length > 0)
            .Distinct()
            .Take(10)];

    /// <summary>Below this many text hits the query is driven from the full-text index, above it from the newest listings.</summary>
    public const int SelectiveHits = 1000;

    public static async Task<bool> IsSelectiveAsync(ListingsDbContext db, List<string> terms, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        var expression = Expression(terms);
        var hits = await db.Database
            .SqlQuery<long>($"SELECT rowid AS Value FROM ListingsFts WHERE ListingsFts MATCH {expression} LIMIT {SelectiveHits + 1}")
            .CountAsync(cancellationToken);
        return hits <= SelectiveHits;
    }

    private static string Expression(List<string> terms) =>
        string.Join(' ', terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));

    public static IQueryable<Listing> Matching(ListingsDbContext db, IQueryable<Listing> query, List<string> terms)
    {
        if (db.Database.IsSqlite())
        {
            var expression = Expression(terms);
            var keys = db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM ListingsFts WHERE ListingsFts MATCH {expression}");
            return query.Where(l => keys.Contains(l.SearchKey));
        }

        foreach (var term in terms)
        {
            var pattern = $"%{term}%";
            query = query.Where(l => EF.Functions.Like(l.Title, pattern) || EF.Functions.Like(l.Description, pattern));
        }

        return query;
    }
}
