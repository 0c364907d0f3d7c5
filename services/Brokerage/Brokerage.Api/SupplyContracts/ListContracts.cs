using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>GET /api/v1/contracts: the newest 200 contracts the caller is a party to (the operator: all), by deal or status.</summary>
public static class ListContracts
{
    public static async Task<Ok<ContractListDto>> Handle(ClaimsPrincipal user, BrokerageDbContext db, Guid? dealId, string? status, CancellationToken cancellationToken)
    {
        var org = user.OrganisationId() ?? Guid.Empty;
        var query = db.Contracts.AsNoTracking();
        if (!user.IsOperator())
        {
            query = query.Where(c => c.SupplierOrganisationId == org || c.ReceiverOrganisationId == org);
        }

        if (dealId is { } d)
        {
            query = query.Where(c => c.DealId == d);
        }

        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(c => c.Status == status);
        }

        var contracts = await query.OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ContractListDto([.. contracts.Select(c => c.AsDto())]));
    }
}
