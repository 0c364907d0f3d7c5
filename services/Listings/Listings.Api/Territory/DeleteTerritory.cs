using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.Listings.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

/// <summary>DELETE /api/v1/territories/{id} (operators): the territory and its rates go; deleting it again is the same 204.</summary>
public static class DeleteTerritory
{
    public static async Task<NoContent> Handle(Guid id, ListingsDbContext db, CancellationToken cancellationToken)
    {
        await db.CoefficientOverrides.Where(o => o.TerritoryId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Territories.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        TerritoryAnswers.Changed();
        return TypedResults.NoContent();
    }
}
