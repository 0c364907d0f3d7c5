using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.SupplyContracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deliveries;

/// <summary>GET /api/v1/contracts/{id}/deliveries: every entry of a contract the caller sees, oldest first.</summary>
public static class ListDeliveries
{
    public static async Task<Results<Ok<DeliveryListDto>, NotFound>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        if (await ContractAccess.VisibleAsync(db, id, user, cancellationToken, track: false) is null)
        {
            return TypedResults.NotFound();
        }

        var items = await db.Deliveries.AsNoTracking().Where(d => d.ContractId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DeliveryListDto([.. items.OrderBy(d => d.Date).ThenBy(d => d.RecordedAt).Select(d => d.AsDto())]));
    }
}
