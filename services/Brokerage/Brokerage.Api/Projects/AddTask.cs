using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

public sealed record AddTaskRequest(
    [property: Required] string Kind,
    [property: Required, StringLength(300, MinimumLength = 2)] string Title,
    Guid? OwnerOrganisationId,
    DateOnly? DueDate,
    DateTimeOffset? MeetingAt) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is not ("task" or "meeting"))
        {
            yield return new("kind must be 'task' or 'meeting'.", ["kind"]);
        }
        else if (Kind == "meeting" && MeetingAt is null)
        {
            yield return new("A meeting needs meetingAt, with its offset.", ["meetingAt"]);
        }
    }
}

public sealed record ProjectTaskDto(Guid Id, string Kind, string Title, Guid? OwnerOrganisationId, DateOnly? DueDate, DateTimeOffset? MeetingAt,
    string Status, string? Minutes, DateTime CreatedAt, DateTime? DoneAt);

/// <summary>POST /api/v1/projects/{id}/tasks (operator): a task a participant (or the facilitator) owes, or a meeting.</summary>
public static class AddTask
{
    public static async Task<Results<Created<ProjectTaskDto>, NotFound, ValidationProblem>> Handle(
        Guid id, AddTaskRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true) is not { } v)
        {
            return TypedResults.NotFound();
        }

        if (request.OwnerOrganisationId is { } owner && v.Project.ParticipantOf(owner) is null)
        {
            return Problems.Invalid("ownerOrganisationId", "The owner must be a participant of the project.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var task = new ProjectTask
        {
            Id = Guid.CreateVersion7(), ProjectId = id, Kind = request.Kind, Title = request.Title.Trim(), OwnerOrganisationId = request.OwnerOrganisationId,
            DueDate = request.DueDate, MeetingAt = request.MeetingAt, CreatedAt = now,
        };
        db.ProjectTasks.Add(task);
        ProjectAccess.Log(db, v.Project, request.Kind == "meeting" ? "meeting_planned" : "task_added", task.Title, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{id}/tasks/{task.Id}", task.AsDto());
    }

    internal static ProjectTaskDto AsDto(this ProjectTask t) =>
        new(t.Id, t.Kind, t.Title, t.OwnerOrganisationId, t.DueDate, t.MeetingAt, t.Status, t.Minutes, t.CreatedAt, t.DoneAt);
}
