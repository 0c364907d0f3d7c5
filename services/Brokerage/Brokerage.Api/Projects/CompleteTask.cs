using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

public sealed record CompleteTaskRequest([property: StringLength(8000)] string? Minutes);

/// <summary>POST /api/v1/projects/{id}/tasks/{taskId}/done: the facilitator or the owing participant closes a task; a meeting is closed with its minutes.</summary>
public static class CompleteTask
{
    public static async Task<Results<Ok<ProjectTaskDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, Guid taskId, CompleteTaskRequest? request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true);
        var task = v is null ? null : await db.ProjectTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.ProjectId == id, cancellationToken);
        if (v is null || task is null || (v.Viewer != Confidentiality.Viewer.Facilitator && task.OwnerOrganisationId != v.Organisation))
        {
            return TypedResults.NotFound();
        }

        if (task.Status == "done")
        {
            return Problems.Conflict("Already done", "This task is already done.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        task.Status = "done";
        task.DoneAt = now;
        task.Minutes = request?.Minutes ?? task.Minutes;
        ProjectAccess.Log(db, v.Project, task.Kind == "meeting" ? "meeting_held" : "task_done", task.Title, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(task.AsDto());
    }
}
