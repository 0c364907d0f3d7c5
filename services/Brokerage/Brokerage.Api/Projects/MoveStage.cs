using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

public sealed record MoveStageRequest([property: Required] string Stage, [property: StringLength(1000)] string? Reason);

/// <summary>
/// POST /api/v1/projects/{id}/stage: moves the project by <see cref="ProjectStateMachine"/>; an illegal step is a
/// 409 problem saying why, a participant without the right a 403. Publishes ProjectStageChanged.
/// </summary>
public static class MoveStage
{
    public static async Task<Results<Ok<ProjectDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, MoveStageRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true) is not { } v)
        {
            return TypedResults.NotFound();
        }

        var actor = ProjectAccess.ActorOf(v);
        if (actor is ProjectActor.Participant or ProjectActor.Outsider)
        {
            return Problems.Forbidden(
                "Only the facilitator moves a project (the installation's operator may report it operating or closed).");
        }

        var project = v.Project;
        var facts = new ProjectStateMachine.Facts(
            project.Participants.Count(p => p.Status != ParticipantStatuses.Left), project.Flows.Count, await CoverageAsync(db, project, cancellationToken));
        var outcome = ProjectStateMachine.Move(project.Stage, request.Stage, actor, request.Reason, facts);
        if (outcome.Error is not null)
        {
            return Problems.Conflict("Illegal stage transition", outcome.Error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = project.Stage;
        project.Stage = outcome.Stage!;
        project.AbandonReason = project.Stage == ProjectStages.Abandoned ? request.Reason!.Trim() : null;
        project.Revision++;
        ProjectAccess.Log(db, project, "stage_changed", $"Stage {from} → {project.Stage}{(project.AbandonReason is { } r ? ": " + r : "")}.", now);
        db.AddEvent(new ProjectStageChanged(project.Id, project.Title, from, project.Stage, project.AbandonReason, project.FeePlanCode, project.Members(), now),
            project.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Project changed", "The project changed at the same moment; reload it and try again.");
        }

        var names = await ProjectAccess.NamesAsync(db, project.Participants.Select(p => p.OrganisationId), cancellationToken);
        return TypedResults.Ok(project.AsDto(v.Viewer, v.Organisation, names));
    }

    internal static async Task<CommitmentCoverage.Result> CoverageAsync(BrokerageDbContext db, Project project, CancellationToken cancellationToken)
    {
        var commitments = await db.ProjectCommitments.AsNoTracking().Where(c => c.ProjectId == project.Id)
            .Select(c => new CommitmentCoverage.Commitment(c.OrganisationId, c.Kind, c.Status, c.Version, c.QuantityPerYear)).ToListAsync(cancellationToken);
        return CommitmentCoverage.Of(FeasibilityStore.Inputs(project)?.MinimumViableScale ?? 0m, project.Unit, commitments);
    }
}
