using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Marketplace.Listings.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

public sealed record PutTerritoryRequest([property: Required, StringLength(200, MinimumLength = 2)] string Name, JsonElement Boundary);

/// <summary>
/// PUT /api/v1/territories/{id} (operators): creates or replaces a territory with its boundary, GeoJSON as uploaded
/// (Polygon, MultiPolygon, Feature or FeatureCollection). The id is the caller's, so a retry replaces with the same.
/// </summary>
public static class PutTerritory
{
    public static async Task<Results<Created<TerritoryDto>, Ok<TerritoryDto>, ValidationProblem>> Handle(
        Guid id, PutTerritoryRequest request, ClaimsPrincipal user, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Boundary.ValueKind != JsonValueKind.Object)
        {
            return Problems.Invalid("boundary", "boundary is required: a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection.");
        }

        var (boundary, error) = Boundary.Parse(request.Boundary);
        if (boundary is null)
        {
            return Problems.Invalid("boundary", error!);
        }

        var territory = await db.Territories.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        var created = territory is null;
        territory ??= db.Territories.Add(new TerritoryArea { Id = id, Name = "", BoundaryJson = "", UpdatedBy = "" }).Entity;
        var json = boundary.ToGeoJson();
        var name = request.Name.Trim();
        if (created || territory.Name != name || territory.BoundaryJson != json)
        {
            (territory.Name, territory.BoundaryJson, territory.Positions, territory.UpdatedAt) = (name, json, boundary.Positions, clock.GetUtcNow().UtcDateTime);
            (territory.MinLon, territory.MinLat, territory.MaxLon, territory.MaxLat) = (boundary.Box.MinLon, boundary.Box.MinLat, boundary.Box.MaxLon, boundary.Box.MaxLat);
            territory.UpdatedBy = user.Identity?.Name ?? user.FindFirst("client_id")?.Value ?? "operator";
            territory.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        return created ? TypedResults.Created($"/api/v1/territories/{id}", territory.AsDto()) : TypedResults.Ok(territory.AsDto());
    }
}
