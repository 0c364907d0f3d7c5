using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Impact;

/// <summary>
/// GET /api/v1/impact: impact of confirmed deliveries, aggregated by any of <c>organisation</c>, <c>country</c>,
/// <c>resourceClass</c>, <c>period</c>. A delivery counts for both of its organisations; grouped by organisation,
/// "money saved" is that organisation's own saving. A company sees its own deliveries (and only its own organisation's group).
/// </summary>
public static class GetImpact
{
    public static async Task<Results<Ok<ImpactDto>, ValidationProblem>> Handle(
        ClaimsPrincipal user, BrokerageDbContext db, ImpactFactors factors, string? groupBy, string? from, string? to, Guid? organisationId,
        string? country, string? resourceClass, CancellationToken cancellationToken)
    {
        var dims = (groupBy ?? "period").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dims.FirstOrDefault(d => !ImpactAggregation.Dimensions.Contains(d)) is { } bad)
        {
            return Problems.Invalid("groupBy", $"Unknown dimension '{bad}'; use any of: {string.Join(", ", ImpactAggregation.Dimensions)}.");
        }

        var (query, own) = Filter(db.Impact.AsNoTracking(), user, organisationId, from, to, country, resourceClass);
        var records = await query.ToListAsync(cancellationToken);
        var groups = ImpactAggregation.Group(records, dims, own);
        var used = records.Select(r => r.FactorId).Distinct().Order()
            .Select(id => new ImpactFactorDto(id, factors.Materials.FirstOrDefault(m => m.Id == id)?.Source)).ToList();
        return TypedResults.Ok(new ImpactDto(dims, ImpactAggregation.Sum(records.Select(r => (r, "both")).ToList()), groups, used));
    }

    private static (IQueryable<ImpactRecord> Query, Guid? Own) Filter(IQueryable<ImpactRecord> query, ClaimsPrincipal user, Guid? organisationId,
        string? from, string? to, string? country, string? resourceClass)
    {
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

        return (query, own);
    }
}
