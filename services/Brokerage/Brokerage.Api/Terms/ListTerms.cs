using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Terms;

/// <summary>GET /api/v1/deals/{id}/terms: every proposal of a deal, by version, a page at a time.</summary>
public static class ListTerms
{
    public static async Task<Results<Ok<Page<TermsDto>>, NotFound, ValidationProblem>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Deals.AsNoTracking().Include(d => d.Parties).FindVisibleAsync(id, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var terms = await db.DealTerms.AsNoTracking().Where(t => t.DealId == id).OrderBy(t => t.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.Slice([.. terms.Select(t => t.AsDto())], t => t.Id, request));
    }
}
