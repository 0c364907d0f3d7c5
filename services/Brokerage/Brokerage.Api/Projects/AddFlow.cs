using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

public sealed record AddFlowRequest(
    Guid OrganisationId,
    Guid? ListingId,
    Guid? MatchId,
    [property: Range(typeof(decimal), "0", "1000000000")] decimal QuantityPerYear,
    [property: Range(0d, 5000d)] double? DistanceKm,
    [property: Range(typeof(decimal), "-100000", "100000")] decimal? DisposalCostPerUnit,
    [property: StringLength(1000)] string? QualityNotes);

/// <summary>POST /api/v1/projects/{id}/flows (operator): a participant's listing (or match) pooled into the project, with its quantity per year in the project's unit.</summary>
public static class AddFlow
{
    public static async Task<Results<Created<ProjectFlowDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, AddFlowRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true) is not { } v)
        {
            return TypedResults.NotFound();
        }

        var project = v.Project;
        if (project.ParticipantOf(request.OrganisationId) is null)
        {
            return Problems.Invalid("organisationId", "The flow's organisation must be a participant of the project; invite it first.");
        }

        if (ProjectStages.Rank(project.Stage) >= ProjectStages.Rank(ProjectStages.Agreement) || ProjectStages.IsFinal(project.Stage))
        {
            return Problems.Conflict("Flows are agreed", $"The project is {project.Stage}; flows change through commitments now.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var flow = new ProjectFlow
        {
            Id = Guid.CreateVersion7(), ProjectId = project.Id, OrganisationId = request.OrganisationId, ListingId = request.ListingId, MatchId = request.MatchId,
            QuantityPerYear = request.QuantityPerYear, DistanceKm = request.DistanceKm, DisposalCostPerUnit = request.DisposalCostPerUnit,
            QualityNotes = request.QualityNotes, AddedAt = now,
        };
        db.ProjectFlows.Add(flow);
        project.Revision++;
        ProjectAccess.Log(db, project, "flow_added", "A flow was added to the pool.", now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{id}/flows/{flow.Id}",
            new ProjectFlowDto(flow.Id, flow.OrganisationId, false, flow.ListingId, flow.MatchId, flow.QuantityPerYear, flow.DistanceKm, flow.DisposalCostPerUnit, flow.QualityNotes));
    }
}
