using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Settings;

/// <summary>What a client form did, for the page it redirects to: a secret to show once, or the API's refusal with the form's values.</summary>
public sealed record ApiClientOutcome(string Action, string? ClientName, ApiClientSecret? Secret, ApiProblem? Problem, IReadOnlyList<string> Scopes);

/// <summary>
/// Creating, rotating and revoking an organisation's API clients from plain forms (post, redirect, get). A secret goes
/// to the page through a one-time note (never the address bar) and is gone from the portal once shown.
/// </summary>
internal static class ApiClientActions
{
    public const string Page = "/settings/api-clients";

    /// <summary>The scopes an organisation admin may give a partner app (admin itself is the operator's to grant).</summary>
    public static readonly string[] GrantableScopes =
        ["listings.read", "listings.write", "matches.read", "matches.write", "brokerage.read", "brokerage.write", "billing"];

    public static OwnedNotes<ApiClientOutcome> SecretStore() => new(TimeSpan.FromMinutes(10), 10_000, _ => 1);

    public static IEndpointRouteBuilder MapApiClientActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Page).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        group.MapPost("/create", CreateAsync);
        group.MapPost("/{clientId}/rotate", RotateAsync);
        group.MapPost("/{clientId}/revoke", RevokeAsync);
        return app;
    }

    private static Task<IResult> CreateAsync(HttpContext http, IAntiforgery antiforgery, ApiClientsApi api, OwnedNotes<ApiClientOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
        {
            var name = form["name"].ToString().Trim();
            var scopes = form["scopes"].Where(s => s is not null && GrantableScopes.Contains(s)).Select(s => s!).Distinct().ToList();
            var key = form["idempotencyKey"].ToString() is { Length: > 0 and <= 100 } k ? k : Guid.NewGuid().ToString();
            var (created, problem) = await api.CreateAsync(CurrentUser.Organisation(http), name, scopes, "portal-client-" + key, cancellationToken);
            return new ApiClientOutcome("created", name, created, problem, scopes);
        }, cancellationToken);

    private static Task<IResult> RotateAsync(string clientId, HttpContext http, IAntiforgery antiforgery, ApiClientsApi api, OwnedNotes<ApiClientOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
        {
            var (rotated, problem) = await api.RotateAsync(CurrentUser.Organisation(http), clientId, "portal-rotate-" + Guid.NewGuid(), cancellationToken);
            return new ApiClientOutcome("rotated", form["name"].ToString(), rotated, problem, []);
        }, cancellationToken);

    private static Task<IResult> RevokeAsync(string clientId, HttpContext http, IAntiforgery antiforgery, ApiClientsApi api, OwnedNotes<ApiClientOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
            new ApiClientOutcome("revoked", form["name"].ToString(), null, await api.RevokeAsync(CurrentUser.Organisation(http), clientId, cancellationToken), []),
            cancellationToken);
}
