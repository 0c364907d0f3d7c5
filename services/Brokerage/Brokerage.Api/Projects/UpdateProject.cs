using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

public sealed record UpdateProjectRequest(
    [property: StringLength(200, MinimumLength = 3)] string? Title,
    [property: StringLength(2000, MinimumLength = 3)] string? Purpose,
    [property: StringLength(50)] string? FeePlan);

/// <summary>PATCH /api/v1/projects/{id} (operator): title, purpose or fee plan of a project that is not closed or abandoned.</summary>
public static class UpdateProject
{
    public static async Task<Results<Ok<ProjectDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, UpdateProjectRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true) is not { } v)
        {
            return TypedResults.NotFound();
        }

        if (request.FeePlan is { } code && !await db.FeePlans.AnyAsync(p => p.Code == code, cancellationToken))
        {
            return Problems.Invalid("feePlan", $"There is no fee plan '{code}'.");
        }

        var project = v.Project;
        if (ProjectStages.IsFinal(project.Stage))
        {
            return Problems.Conflict("Project is final", $"The project is {project.Stage}; it cannot be changed.");
        }

        project.Title = request.Title?.Trim() ?? project.Title;
        project.Purpose = request.Purpose?.Trim() ?? project.Purpose;
        project.FeePlanCode = request.FeePlan ?? project.FeePlanCode;
        project.Revision++;
        ProjectAccess.Log(db, project, "updated", "Title, purpose or fee plan changed.", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var names = await ProjectAccess.NamesAsync(db, project.Participants.Select(p => p.OrganisationId), cancellationToken);
        return TypedResults.Ok(project.AsDto(v.Viewer, v.Organisation, names));
    }
}
