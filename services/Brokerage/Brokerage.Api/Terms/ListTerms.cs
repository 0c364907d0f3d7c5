using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Terms;

/// <summary>GET /api/v1/deals/{id}/terms: every proposal of a deal, by version.</summary>
public static class ListTerms
{
    public static async Task<Results<Ok<TermsListDto>, NotFound>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        if (await DealAccess.VisibleDealAsync(db, id, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var terms = await db.DealTerms.AsNoTracking().Where(t => t.DealId == id).OrderBy(t => t.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(new TermsListDto([.. terms.Select(t => t.AsDto())]));
    }
}
