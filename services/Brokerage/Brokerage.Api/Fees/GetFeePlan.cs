using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Fees;

/// <summary>GET /api/v1/fee-plans/{id}: one version of a plan.</summary>
public static class GetFeePlan
{
    public static async Task<Results<Ok<FeePlanDto>, NotFound>> Handle(Guid id, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        var plan = await db.FeePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(plan.AsDto());
    }
}
