using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>GET /api/v1/contracts: the contracts the caller is a party to (the operator: all), newest first, by deal or status; <c>{ items, nextCursor }</c>.</summary>
public static class ListContracts
{
    public static async Task<Results<Ok<Page<ContractDto>>, ValidationProblem>> Handle(ClaimsPrincipal user, BrokerageDbContext db, Guid? dealId,
        string? status, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

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

        return TypedResults.Ok(await query.ToPageAsync(c => c.Id, request, contracts => contracts.Select(c => c.AsDto()).ToList(), cancellationToken));
    }
}
