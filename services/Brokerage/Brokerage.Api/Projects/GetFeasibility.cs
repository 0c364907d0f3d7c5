using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Impact;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

/// <summary>GET /api/v1/projects/{id}/feasibility: the worksheet computed on read from the stored inputs and the current flows, as the caller may see it.</summary>
public static class GetFeasibility
{
    public static async Task<Results<Ok<FeasibilityDto>, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, BrokerageDbContext db, ImpactFactors factors, CancellationToken cancellationToken)
    {
        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken);
        if (v is null || FeasibilityStore.Inputs(v.Project) is not { } inputs)
        {
            return TypedResults.NotFound();
        }

        var names = await ProjectAccess.NamesAsync(db, v.Project.Participants.Select(p => p.OrganisationId), cancellationToken);
        var sheet = FeasibilityStore.ForViewer(FeasibilityStore.Compute(v.Project, inputs, factors, names), v.Project, v.Viewer, v.Organisation);
        var coverage = await MoveStage.CoverageAsync(db, v.Project, cancellationToken);
        return TypedResults.Ok(new FeasibilityDto(inputs, sheet, sheet.Project.Count > 0 ? coverage : null, v.Project.WorksheetComputedAt));
    }
}
