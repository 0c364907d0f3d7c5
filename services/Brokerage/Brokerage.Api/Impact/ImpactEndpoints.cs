using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Http;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Impact;

public sealed record ImpactFiguresDto(
    int Deliveries, decimal TonnesDiverted, decimal Co2eSubstitutionKg, decimal Co2eTransportKg, decimal Co2eAvoidedKg,
    decimal WaterSavedM3, decimal EnergyRecoveredMWh, decimal SupplierSavingEur, decimal ReceiverSavingEur, decimal MoneySavedEur);

public sealed record ImpactGroupDto(IReadOnlyDictionary<string, string?> Key, ImpactFiguresDto Figures);

public sealed record ImpactFactorDto(string Id, string? Source);

public sealed record ImpactDto(IReadOnlyList<string> GroupBy, ImpactFiguresDto Totals, IReadOnlyList<ImpactGroupDto> Groups, IReadOnlyList<ImpactFactorDto> Factors);

/// <summary>
/// Impact of confirmed deliveries, aggregated by any of <c>organisation</c>, <c>country</c>, <c>resourceClass</c>,
/// <c>period</c>. A delivery counts for both of its organisations; grouped by organisation, "money saved" is that
/// organisation's own saving. A company sees its own deliveries (and only its own organisation's group).
/// </summary>
public static class ImpactEndpoints
{
    private static readonly string[] Dimensions = ["organisation", "country", "resourceClass", "period"];

    public static IEndpointRouteBuilder MapImpactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/impact", GetImpact).WithName(nameof(GetImpact)).WithTags("Impact").RequireScope(Scopes.BrokerageRead);
        return app;
    }

    public static async Task<Results<Ok<ImpactDto>, ValidationProblem>> GetImpact(
        ClaimsPrincipal user, BrokerageDbContext db, ImpactFactors factors, string? groupBy, string? from, string? to, Guid? organisationId,
        string? country, string? resourceClass, CancellationToken cancellationToken)
    {
        var dims = (groupBy ?? "period").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dims.FirstOrDefault(d => !Dimensions.Contains(d)) is { } bad)
        {
            return Problems.Invalid("groupBy", $"Unknown dimension '{bad}'; use any of: {string.Join(", ", Dimensions)}.");
        }

        var query = db.Impact.AsNoTracking();
        Guid? own = null;
        if (!user.IsOperator())
        {
            own = user.OrganisationId() ?? Guid.Empty;
            query = query.Where(r => r.SupplierOrganisationId == own || r.ReceiverOrganisationId == own);
        }
        else if (organisationId is { } org)
        {
            own = org;
            query = query.Where(r => r.SupplierOrganisationId == org || r.ReceiverOrganisationId == org);
        }

        if (!string.IsNullOrEmpty(from))
        {
            query = query.Where(r => string.Compare(r.Period, from) >= 0);
        }

        if (!string.IsNullOrEmpty(to))
        {
            query = query.Where(r => string.Compare(r.Period, to) <= 0);
        }

        if (!string.IsNullOrEmpty(country))
        {
            query = query.Where(r => r.Country == country);
        }

        if (!string.IsNullOrEmpty(resourceClass))
        {
            query = query.Where(r => r.ResourceClass == resourceClass);
        }

        var records = await query.ToListAsync(cancellationToken);
        var byOrganisation = dims.Contains("organisation");

        // Grouped by organisation, each record appears once per side, carrying that side's saving.
        var rows = records.SelectMany(r => byOrganisation
            ? new (ImpactRecord Record, Guid? Org, string Side)[] { (r, r.SupplierOrganisationId, "supplier"), (r, r.ReceiverOrganisationId, "receiver") }
            : [(r, null, "both")]).Where(x => own is null || x.Org is null || x.Org == own);
        var groups = rows
            .GroupBy(x => string.Join('|', dims.Select(d => KeyOf(d, x.Record, x.Org))))
            .Select(g => new ImpactGroupDto(
                dims.ToDictionary(d => d, d => KeyOf(d, g.First().Record, g.First().Org)),
                Sum(g.Select(x => (x.Record, x.Side)).ToList())))
            .OrderBy(g => string.Join('|', g.Key.Values))
            .ToList();
        var used = records.Select(r => r.FactorId).Distinct().Order()
            .Select(id => new ImpactFactorDto(id, factors.Materials.FirstOrDefault(m => m.Id == id)?.Source)).ToList();
        return TypedResults.Ok(new ImpactDto(dims, Sum(records.Select(r => (r, "both")).ToList()), groups, used));
    }

    private static string? KeyOf(string dimension, ImpactRecord r, Guid? org) => dimension switch
    {
        "organisation" => org?.ToString(),
        "country" => r.Country,
        "resourceClass" => r.ResourceClass,
        _ => r.Period,
    };

    public static ImpactFiguresDto Sum(IReadOnlyList<(ImpactRecord Record, string Side)> rows)
    {
        var supplier = rows.Sum(x => x.Record.SupplierSavingEur);
        var receiver = rows.Sum(x => x.Record.ReceiverSavingEur);
        var own = rows.Sum(x => x.Side switch
        {
            "supplier" => x.Record.SupplierSavingEur,
            "receiver" => x.Record.ReceiverSavingEur,
            _ => x.Record.SupplierSavingEur + x.Record.ReceiverSavingEur,
        });
        return new ImpactFiguresDto(
            rows.Select(x => x.Record.DeliveryId).Distinct().Count(),
            rows.Sum(x => x.Record.TonnesDiverted),
            rows.Sum(x => x.Record.Co2eSubstitutionKg),
            rows.Sum(x => x.Record.Co2eTransportKg),
            rows.Sum(x => x.Record.Co2eAvoidedKg),
            rows.Sum(x => x.Record.WaterSavedM3),
            rows.Sum(x => x.Record.EnergyRecoveredMWh),
            supplier,
            receiver,
            own);
    }
}
