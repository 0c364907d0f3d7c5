using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>GET /api/v1/contracts/{id}: one contract of the caller.</summary>
public static class GetContract
{
    public static async Task<Results<Ok<ContractDto>, NotFound>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FindVisibleAsync(id, user, cancellationToken);
        return contract is null ? TypedResults.NotFound() : TypedResults.Ok(contract.AsDto());
    }
}
