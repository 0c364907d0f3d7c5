using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

/// <summary>GET /api/v1/projects/{id}/funding-applications: for the facilitator and the joined participants.</summary>
public static class ListFundingApplications
{
    public static async Task<Results<Ok<Page<FundingApplicationDto>>, NotFound, ValidationProblem>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken);
        if (v is null || v.Viewer == Confidentiality.Viewer.Invited)
        {
            return TypedResults.NotFound();
        }

        var items = await db.FundingApplications.AsNoTracking().Where(a => a.ProjectId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.Slice([.. items.OrderBy(a => a.CreatedAt).Select(a => a.AsDto())], a => a.Id, request));
    }
}
