using Marketplace.Portal.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using static Marketplace.Portal.Projects.ProjectForms;

namespace Marketplace.Portal.Projects;

/// <summary>The facilitator starts a project: from scratch (the form at <c>/projects/new</c>) or in one step from a bundle suggestion of the pipeline.</summary>
internal static class CreateProjectActions
{
    public static IEndpointRouteBuilder MapCreateProjectActions(this IEndpointRouteBuilder app)
    {
        app.MapFormPost("/projects/new/create", CreateAsync);
        app.MapFormPost("/projects/new/from-bundle", FromBundleAsync);
        return app;
    }

    private static Task<IResult> CreateAsync(HttpContext http, IAntiforgery antiforgery, ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        StartAsync(http, antiforgery, api, notes, "create", form => new
        {
            title = form["title"].ToString().Trim(),
            purpose = form["purpose"].ToString().Trim(),
            unit = Text(form, "unit"),
            resourceTitle = Text(form, "resourceTitle"),
            ewcCode = Text(form, "ewcCode"),
            feePlan = Text(form, "feePlan"),
        }, cancellationToken);

    private static Task<IResult> FromBundleAsync(HttpContext http, IAntiforgery antiforgery, ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        StartAsync(http, antiforgery, api, notes, "bundle", form => new { matchId = Id(form, "matchId") ?? Guid.Empty }, cancellationToken);

    /// <summary>The new project's page on success; else back to the new-project page with the API's refusal and the input kept.</summary>
    private static async Task<IResult> StartAsync(HttpContext http, IAntiforgery antiforgery, ProjectsApi api, OwnedNotes<ProjectOutcome> notes, string formName,
        Func<IFormCollection, object> body, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect("/projects/new");
        }

        var (created, problem) = await api.CreateAsync(body(form), formName == "bundle", IdempotencyKey(form, formName), cancellationToken);
        var outcome = Outcome(form, formName, problem);
        return TypedResults.Redirect(created is null ? $"/projects/new?note={notes.Add(http.User, outcome)}" : $"/projects/{created.Id}?note={notes.Add(http.User, outcome)}");
    }
}
