using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deals;

/// <summary>GET /api/v1/deals/{id}: one deal of the caller (404 for anyone else but the operator).</summary>
public static class GetDeal
{
    public static async Task<Results<Ok<DealDto>, NotFound>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.AsNoTracking().Include(d => d.Parties).FindVisibleAsync(id, user, cancellationToken);
        return deal is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(deal.AsDto(await DealMapping.NamesAsync(db, [deal], cancellationToken)));
    }
}
