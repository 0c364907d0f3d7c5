using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Billing;

/// <summary>GET /api/v1/billing-runs: the latest 200 runs, optionally of one period.</summary>
public static class ListBillingRuns
{
    public static async Task<Ok<IReadOnlyList<BillingRun>>> Handle(BrokerageDbContext db, string? period, CancellationToken cancellationToken)
    {
        var query = db.BillingRuns.AsNoTracking();
        if (!string.IsNullOrEmpty(period))
        {
            query = query.Where(r => r.Period == period);
        }

        var runs = await query.OrderByDescending(r => r.StartedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BillingRun>>(runs);
    }
}
