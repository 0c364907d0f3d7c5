using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Fees;

/// <summary>GET /api/v1/fee-plans: every version of every plan, or with <c>inForceOn</c> the version of each code in force that day; by code and version, a page at a time.</summary>
public static class ListFeePlans
{
    public static async Task<Results<Ok<Page<FeePlanDto>>, ValidationProblem>> Handle(BrokerageDbContext db, string? code, DateOnly? inForceOn,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.FeePlans.AsNoTracking();
        if (!string.IsNullOrEmpty(code))
        {
            query = query.Where(p => p.Code == code);
        }

        var plans = await query.ToListAsync(cancellationToken);
        if (inForceOn is { } day)
        {
            plans = [.. plans.Where(p => p.EffectiveFrom <= day).GroupBy(p => p.Code)
                .Select(g => g.OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Version).First())];
        }

        return TypedResults.Ok(Paging.Slice([.. plans.OrderBy(p => p.Code).ThenBy(p => p.Version).Select(p => p.AsDto())], p => p.Id, request));
    }
}
