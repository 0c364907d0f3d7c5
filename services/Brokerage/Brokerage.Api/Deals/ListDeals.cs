using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deals;

/// <summary>
/// GET /api/v1/deals: the deals the caller is a party to (the operator: all), newest first, optionally of one match or
/// (for the operator's company pages) of one organisation;
/// <c>{ items, nextCursor }</c>, each party with its organisation's name.
/// </summary>
public static class ListDeals
{
    public static async Task<Results<Ok<Page<DealDto>>, ValidationProblem>> Handle(ClaimsPrincipal user, BrokerageDbContext db, Guid? matchId,
        Guid? organisationId, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        var query = db.Deals.AsNoTracking().Include(d => d.Parties).AsQueryable();
        if (!user.IsOperator())
        {
            query = query.Where(d => d.Parties.Any(p => p.OrganisationId == org));
        }

        if (matchId is { } mid)
        {
            query = query.Where(d => d.MatchId == mid);
        }

        if (organisationId is { } party)
        {
            query = query.Where(d => d.Parties.Any(p => p.OrganisationId == party));
        }

        var page = await query.ToPageAsync(d => d.Id, request, deals => deals, cancellationToken);
        var names = await DealMapping.NamesAsync(db, page.Items, cancellationToken);
        return TypedResults.Ok(new Page<DealDto>([.. page.Items.Select(d => d.AsDto(names))], page.NextCursor));
    }
}
