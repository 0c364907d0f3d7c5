using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Deliveries;

/// <summary>GET /api/v1/contracts/{id}/deliveries: every entry of a contract the caller sees, oldest first, a page at a time.</summary>
public static class ListDeliveries
{
    public static async Task<Results<Ok<Page<DeliveryDto>>, NotFound, ValidationProblem>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Contracts.AsNoTracking().FindVisibleAsync(id, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var items = await db.Deliveries.AsNoTracking().Where(d => d.ContractId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.Slice([.. items.OrderBy(d => d.Date).ThenBy(d => d.RecordedAt).Select(d => d.AsDto())], d => d.Id, request));
    }
}
