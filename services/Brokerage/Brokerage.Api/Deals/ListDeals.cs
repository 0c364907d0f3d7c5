using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deals;

/// <summary>GET /api/v1/deals: the newest 100 deals the caller is a party to (the operator: all), optionally of one match.</summary>
public static class ListDeals
{
    public static async Task<Ok<DealListDto>> Handle(ClaimsPrincipal user, BrokerageDbContext db, Guid? matchId, CancellationToken cancellationToken)
    {
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

        var deals = await query.OrderByDescending(d => d.OpenedAt).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DealListDto([.. deals.Select(d => d.AsDto())]));
    }
}
