using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deals;

public sealed record DealPartyDto(Guid ListingId, Guid OrganisationId, string Role, decimal? Share);

public sealed record DealDto(Guid Id, Guid MatchId, string Kind, string Status, string ResourceTitle, string? EwcCode, string? ResourceClass,
    decimal? YearlyAmount, string? BaseUnit, double? DistanceKm, DateTime OpenedAt, IReadOnlyList<DealPartyDto> Parties);

public sealed record DealListDto(IReadOnlyList<DealDto> Items);

public static class DealEndpoints
{
    public static IEndpointRouteBuilder MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deals").WithTags("Deals");
        group.MapGet("/", ListDeals).WithName(nameof(ListDeals)).RequireScope(Scopes.BrokerageRead);
        group.MapGet("/{id:guid}", GetDeal).WithName(nameof(GetDeal)).RequireScope(Scopes.BrokerageRead);
        return app;
    }

    public static async Task<Ok<DealListDto>> ListDeals(ClaimsPrincipal user, BrokerageDbContext db, Guid? matchId, CancellationToken cancellationToken)
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

    public static async Task<Results<Ok<DealDto>, NotFound>> GetDeal(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.AsNoTracking().Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        var org = user.OrganisationId() ?? Guid.Empty;
        return deal is null || (!user.IsOperator() && deal.Parties.All(p => p.OrganisationId != org))
            ? TypedResults.NotFound()
            : TypedResults.Ok(deal.AsDto());
    }

    internal static DealDto AsDto(this Deal d) => new(d.Id, d.MatchId, d.Kind, d.Status, d.ResourceTitle, d.EwcCode, d.ResourceClass, d.YearlyAmount,
        d.BaseUnit, d.DistanceKm, d.OpenedAt, [.. d.Parties.Select(p => new DealPartyDto(p.ListingId, p.OrganisationId, p.Role, p.Share))]);
}
