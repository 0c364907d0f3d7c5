using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Matches;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Portal.Projects;

/// <summary>Join a project or change the consent to show the company's quantities, from a plain form on the project page (post, redirect, get).</summary>
internal static class ProjectActions
{
    public static IEndpointRouteBuilder MapProjectActions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/projects/{id:guid}/participation", HandleAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(Guid id, HttpContext http, IAntiforgery antiforgery, ProjectsApi projects, CancellationToken cancellationToken)
    {
        var page = $"/projects/{id}";
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Redirect(page);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var join = form["action"] == "join";
        var refused = await projects.JoinOrConsentAsync(id, join, form["share"] == "true", cancellationToken);
        var done = refused is not null ? "refused" : join ? "joined" : "consent";
        return TypedResults.Redirect(MatchDecisions.IsLocal(page) ? QueryHelpers.AddQueryString(page, "done", done) : "/projects");
    }
}
