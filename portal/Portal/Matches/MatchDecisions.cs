using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Portal.Matches;

/// <summary>
/// Express interest in a match or decline it, from a plain form on any page that shows matches (and, for the operator's
/// pipeline, nudge both sides or archive it): the API decides, then the browser goes back to that page (post, redirect,
/// get), which says what happened.
/// </summary>
internal static class MatchDecisions
{
    public static IEndpointRouteBuilder MapMatchDecisions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/matches/{id:guid}/decision", HandleAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(Guid id, HttpContext http, IAntiforgery antiforgery, MatchingApi matching, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect("/matches");
        }

        var back = form["returnUrl"].ToString() is var url && IsLocal(url) ? url : "/matches";
        var decision = form["decision"].ToString();
        var refused = decision switch
        {
            "interest" or "introduce" => await matching.InterestAsync(id, cancellationToken),
            "decline" => await matching.DeclineAsync(id, form["reason"].ToString(), cancellationToken),
            "nudge" => await matching.NudgeAsync(id, form["note"].ToString(), form["formToken"].ToString(), cancellationToken),
            "archive" => await matching.ArchiveAsync(id, form["reason"].ToString(), cancellationToken),
            _ => new ApiProblem(400, "Unknown decision.", null, new Dictionary<string, string[]>()),
        };
        return TypedResults.Redirect(QueryHelpers.AddQueryString(back, "decided", refused is null ? decision : "refused"));
    }

    internal static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
