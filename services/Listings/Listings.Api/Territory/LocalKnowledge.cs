using System.Collections.Concurrent;
using Marketplace.Listings.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

/// <summary>Parsed boundaries by territory and version: a boundary is parsed once, not on every map request.</summary>
public sealed class BoundaryCache
{
    private readonly ConcurrentDictionary<(Guid Id, int Version), Boundary> parsed = new();

    public Boundary? Of(TerritoryArea territory)
    {
        if (parsed.TryGetValue((territory.Id, territory.Version), out var known))
        {
            return known;
        }

        using var json = System.Text.Json.JsonDocument.Parse(territory.BoundaryJson);
        var (boundary, _) = Boundary.Parse(json.RootElement);
        return boundary is null ? null : parsed[(territory.Id, territory.Version)] = boundary;
    }
}

/// <summary>
/// What the operator has told the estimator for a set of organisations: each one's territory (the first, by name, whose
/// boundary holds its site), that territory's rates, and the facilities' reported flows.
/// </summary>
public sealed class LocalKnowledge
{
    private readonly List<(TerritoryArea Territory, Boundary Boundary)> territories;
    private readonly Dictionary<(Guid Territory, string Sector), CoefficientOverride> rates;
    private readonly ILookup<Guid, ReportedFlow> reported;

    private LocalKnowledge(List<(TerritoryArea, Boundary)> territories, Dictionary<(Guid, string), CoefficientOverride> rates, ILookup<Guid, ReportedFlow> reported)
    {
        this.territories = territories;
        this.rates = rates;
        this.reported = reported;
    }

    public static async Task<LocalKnowledge> LoadAsync(ListingsDbContext db, BoundaryCache boundaries, ResourceFamilies families,
        IQueryable<Guid> organisations, CancellationToken cancellationToken)
    {
        var areas = await db.Territories.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var parsed = areas.Select(t => (Territory: t, Boundary: boundaries.Of(t))).Where(t => t.Boundary is not null).Select(t => (t.Territory, t.Boundary!)).ToList();
        var overrides = await db.CoefficientOverrides.AsNoTracking().ToListAsync(cancellationToken);
        var facts = await db.FacilityFacts.AsNoTracking().Where(f => organisations.Contains(f.OrganisationId)).ToListAsync(cancellationToken);
        return new LocalKnowledge(parsed, overrides.ToDictionary(o => (o.TerritoryId, o.SectorId)),
            facts.OrderBy(f => f.Key, StringComparer.Ordinal).ToLookup(f => f.OrganisationId, f => Flow(f, families)));
    }

    /// <summary>The territory whose boundary holds the point, if any.</summary>
    public TerritoryArea? TerritoryAt(double? lat, double? lon) =>
        lat is { } y && lon is { } x ? territories.FirstOrDefault(t => t.Boundary.Contains(y, x)).Territory : null;

    public LocalFacts For(Guid organisationId, string? naceCode, FlowCoefficients coefficients, double? lat, double? lon)
    {
        TerritoryRate? rate = null;
        if (rates.Count > 0 && coefficients.SectorOf(naceCode) is { } sector && TerritoryAt(lat, lon) is { } territory
            && rates.TryGetValue((territory.Id, sector.Id), out var own))
        {
            rate = new TerritoryRate(territory.Name, new PerEmployee(own.Low, own.Central, own.High), own.Source);
        }

        var flows = reported[organisationId].ToList();
        return rate is null && flows.Count == 0 ? LocalFacts.None : new LocalFacts(rate, flows);
    }

    private static ReportedFlow Flow(FacilityFact f, ResourceFamilies families) => new(f.ResourceClass, f.EwcCode, f.Hazardous,
        families.Of(f.ResourceClass, f.EwcCode) ?? "unclassified", FacilityFactRow.Label(f), f.Quantity, f.Unit, f.Year, f.Source + " (" + f.FacilityName + ")");
}
