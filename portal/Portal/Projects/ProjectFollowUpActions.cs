using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using static Marketplace.Portal.Projects.ProjectForms;

namespace Marketplace.Portal.Projects;

/// <summary>Tasks and meetings: the facilitator adds one (owed by a participant or by itself); the facilitator or the owing participant completes it, with minutes.</summary>
internal static class ProjectFollowUpActions
{
    public static IEndpointRouteBuilder MapProjectFollowUpActions(this IEndpointRouteBuilder app)
    {
        app.MapFormPost("/projects/{id:guid}/tasks/add", AddAsync);
        app.MapFormPost("/projects/{id:guid}/tasks/{taskId:guid}/done", DoneAsync);
        return app;
    }

    /// <summary>A meeting's time is typed in the user's local time; <c>offset</c> is the browser's (minutes east of UTC), else UTC.</summary>
    private static Task<IResult> AddAsync(Guid id, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "tasks", (form, key) =>
        {
            DateTimeOffset? meetingAt = DateTime.TryParse(form["meetingAt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? new DateTimeOffset(local, TimeSpan.FromMinutes(int.TryParse(form["offset"], out var minutes) && Math.Abs(minutes) <= 14 * 60 ? minutes : 0))
                : null;
            return api.PostAsync(id, "tasks", new
            {
                kind = form["kind"].ToString(),
                title = form["title"].ToString().Trim(),
                ownerOrganisationId = Id(form, "ownerOrganisationId"),
                dueDate = Date(form, "dueDate"),
                meetingAt,
            }, key, cancellationToken);
        }, cancellationToken);

    private static Task<IResult> DoneAsync(Guid id, Guid taskId, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes,
        CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "tasks-done", (form, key) =>
            api.PostAsync(id, $"tasks/{taskId}/done", new { minutes = Text(form, "minutes") }, key, cancellationToken), cancellationToken);
}
