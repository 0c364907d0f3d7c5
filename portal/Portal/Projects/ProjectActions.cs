using Marketplace.Portal.Api;
using Marketplace.Portal.Matches;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Portal.Projects;

/// <summary>Join a project or change the consent to show the company's quantities, from a plain form on the project page (post, redirect, get).</summary>
internal static class ProjectActions
{
    public static IEndpointRouteBuilder MapProjectActions(this IEndpointRouteBuilder app)
    {
        app.MapFormPost("/projects/{id:guid}/stage", MoveAsync);
        app.MapFormPost("/projects/{id:guid}/participation", HandleAsync);
        return app;
    }

    /// <summary>The facilitator (or the installation's operator) moves the stage; a refusal comes back with the API's reason.</summary>
    private static async Task<IResult> MoveAsync(Guid id, HttpContext http, IAntiforgery antiforgery, ProjectsApi projects, IDataProtectionProvider protection,
        CancellationToken cancellationToken)
    {
        var page = $"/projects/{id}";
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(page);
        }

        var refused = await projects.MoveAsync(id, form["stage"].ToString(), form["reason"].ToString(), cancellationToken);
        // the reason travels protected, so a crafted link cannot make the portal show words the API never said
        var why = refused?.Detail ?? refused?.Title;
        var query = new Dictionary<string, string?> { ["done"] = refused is null ? "moved" : "refused", ["why"] = why is null ? null : Reasons(protection).Protect(why) };
        return TypedResults.Redirect(QueryHelpers.AddQueryString(page, query.Where(q => q.Value is not null)));
    }

    internal static IDataProtector Reasons(IDataProtectionProvider protection) => protection.CreateProtector("Marketplace.Portal.Projects.Refusal");

    private static async Task<IResult> HandleAsync(Guid id, HttpContext http, IAntiforgery antiforgery, ProjectsApi projects, CancellationToken cancellationToken)
    {
        var page = $"/projects/{id}";
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(page);
        }

        var join = form["action"] == "join";
        var refused = await projects.JoinOrConsentAsync(id, join, form["share"] == "true", cancellationToken);
        var done = refused is not null ? "refused" : join ? "joined" : "consent";
        return TypedResults.Redirect(MatchDecisions.IsLocal(page) ? QueryHelpers.AddQueryString(page, "done", done) : "/projects");
    }
}
