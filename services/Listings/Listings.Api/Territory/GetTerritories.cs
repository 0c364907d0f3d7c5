using Marketplace.Listings.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

/// <summary>GET /api/v1/territories and /api/v1/territories/{id}: the territories the operator serves, with their boundaries.</summary>
public static class GetTerritories
{
    public static async Task<Results<Ok<TerritoryPageDto>, ValidationProblem>> List(ListingsDbContext db, CancellationToken cancellationToken,
        int limit = 50, string? cursor = null)
    {
        if (limit is < 1 or > 100)
        {
            return Problems.Invalid("limit", "limit must be between 1 and 100.");
        }

        Guid? after = null;
        if (cursor is not null)
        {
            after = Guid.TryParse(cursor, out var parsed) ? parsed : null;
            if (after is null)
            {
                return Problems.Invalid("cursor", "cursor is not one this list gave.");
            }
        }

        var query = db.Territories.AsNoTracking();
        if (after is { } last)
        {
            query = query.Where(t => t.Id.CompareTo(last) > 0);
        }

        var page = await query.OrderBy(t => t.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var items = page.Take(limit).Select(t => t.AsDto()).ToList();
        return TypedResults.Ok(new TerritoryPageDto(items, page.Count > limit ? items[^1].Id.ToString() : null));
    }

    public static async Task<Results<Ok<TerritoryDto>, NotFound>> One(Guid id, ListingsDbContext db, CancellationToken cancellationToken) =>
        await db.Territories.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } territory
            ? TypedResults.Ok(territory.AsDto())
            : TypedResults.NotFound();
}
