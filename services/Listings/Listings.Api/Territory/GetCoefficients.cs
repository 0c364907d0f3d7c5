using Marketplace.Listings.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

/// <summary>
/// GET /api/v1/estimate-coefficients (operators): the estimator's tables as shipped (sector profiles with their
/// streams, country values, families' transport range and pooling scale) and, with <c>territoryId</c>, that territory's own rates beside them.
/// </summary>
public static class GetCoefficients
{
    public static async Task<Results<Ok<CoefficientTableDto>, NotFound>> Handle(FlowCoefficients coefficients, ListingsDbContext db,
        CancellationToken cancellationToken, Guid? territoryId = null)
    {
        var overrides = new Dictionary<string, CoefficientOverride>(StringComparer.Ordinal);
        if (territoryId is { } id)
        {
            if (!await db.Territories.AnyAsync(t => t.Id == id, cancellationToken))
            {
                return TypedResults.NotFound();
            }

            overrides = await db.CoefficientOverrides.AsNoTracking().Where(o => o.TerritoryId == id).ToDictionaryAsync(o => o.SectorId, cancellationToken);
        }

        var sectors = coefficients.Sectors.Select(s => new SectorCoefficientsDto(s.Id, s.Label, s.Divisions, s.PerEmployee, coefficients.CountryValues(s.Id),
            overrides.GetValueOrDefault(s.Id)?.AsDto(), s.Streams)).ToList();
        return TypedResults.Ok(new CoefficientTableDto(coefficients.Source, coefficients.Basis, territoryId, coefficients.DivisionsCovered, sectors, coefficients.Families));
    }
}
