using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Listings.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

/// <summary>Tonnes per person employed per year for the sector in this territory: low ≤ central ≤ high, with the source of the figures.</summary>
public sealed record CoefficientOverrideRequest(
    [property: Range(0, 1_000_000)] double Low,
    [property: Range(0, 1_000_000)] double Central,
    [property: Range(0, 1_000_000)] double High,
    [property: Required, StringLength(500, MinimumLength = 3)] string Source) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Low > Central || Central > High)
        {
            yield return new ValidationResult("The range must hold low ≤ central ≤ high.", [nameof(Central)]);
        }
    }
}

/// <summary>
/// PUT /api/v1/territories/{id}/coefficients/{sectorId} (operators): the territory's own rate for a sector replaces the
/// country value and the sector default for organisations inside its boundary. DELETE goes back to the shipped figures.
/// </summary>
public static class PutCoefficientOverride
{
    public static async Task<Results<Ok<CoefficientOverrideDto>, ProblemHttpResult>> Handle(Guid id, string sectorId, CoefficientOverrideRequest request,
        ClaimsPrincipal user, ListingsDbContext db, FlowCoefficients coefficients, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (coefficients.Sector(sectorId) is null || !await db.Territories.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: coefficients.Sector(sectorId) is null ? $"No sector profile has the id '{sectorId}'." : $"No territory has the id {id}.");
        }

        var rate = await db.CoefficientOverrides.FirstOrDefaultAsync(o => o.TerritoryId == id && o.SectorId == sectorId, cancellationToken)
            ?? db.CoefficientOverrides.Add(new CoefficientOverride { TerritoryId = id, SectorId = sectorId, Source = "", UpdatedBy = "" }).Entity;
        var source = request.Source.Trim();
        if (rate.Low != request.Low || rate.Central != request.Central || rate.High != request.High || rate.Source != source)
        {
            (rate.Low, rate.Central, rate.High, rate.Source, rate.UpdatedAt) = (request.Low, request.Central, request.High, source, clock.GetUtcNow().UtcDateTime);
            rate.UpdatedBy = user.Identity?.Name ?? user.FindFirst("client_id")?.Value ?? "operator";
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(rate.AsDto());
    }

    public static async Task<NoContent> Delete(Guid id, string sectorId, ListingsDbContext db, CancellationToken cancellationToken)
    {
        await db.CoefficientOverrides.Where(o => o.TerritoryId == id && o.SectorId == sectorId).ExecuteDeleteAsync(cancellationToken);
        TerritoryAnswers.Changed();
        return TypedResults.NoContent();
    }
}
