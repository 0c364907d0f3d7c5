using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Settings;

/// <summary>What a webhook form did, for the page it redirects to: the secret to show once, or the API's refusal with the form's values.</summary>
public sealed record WebhookOutcome(string Action, string Url, string? Secret, ApiProblem? Problem, IReadOnlyList<string> EventTypes);

/// <summary>
/// A company admin's webhook endpoints from plain forms (post, redirect, get): register (the signing secret shown once
/// through a one-time note, never the address bar), send a test event, pause, enable, delete.
/// </summary>
internal static class WebhookActions
{
    public const string Page = "/settings/webhooks";

    /// <summary>The event types a partner app may subscribe to (Identity's list; <c>webhook.test</c> is sent on request only).</summary>
    public static readonly string[] EventTypes =
        ["match.suggested", "match.accepted", "deal.opened", "contract.signed", "delivery.recorded", "invoice.issued", "project.stage_changed", "project.commitment_signed"];

    private static readonly string[] Acts = ["test", "disable", "enable"];

    public static OwnedNotes<WebhookOutcome> SecretStore() => new(TimeSpan.FromMinutes(10), 10_000, _ => 1);

    public static IEndpointRouteBuilder MapWebhookActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Page).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        group.MapPost("/create", CreateAsync);
        group.MapPost("/{webhookId:guid}/{act}", ActAsync);
        return app;
    }

    private static Task<IResult> CreateAsync(HttpContext http, IAntiforgery antiforgery, WebhooksApi api, OwnedNotes<WebhookOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
        {
            var url = form["url"].ToString().Trim();
            var types = form["eventTypes"].Where(t => t is not null && EventTypes.Contains(t)).Select(t => t!).Distinct().ToList();
            var key = form["idempotencyKey"].ToString() is { Length: > 0 and <= 100 } k ? k : Guid.NewGuid().ToString();
            var (created, problem) = await api.CreateAsync(CurrentUser.Organisation(http), url, types, "portal-webhook-" + key, cancellationToken);
            return new WebhookOutcome("created", url, created?.Secret, problem, types);
        }, cancellationToken);

    /// <summary><c>test</c>, <c>disable</c>, <c>enable</c> or <c>delete</c> one endpoint.</summary>
    private static async Task<IResult> ActAsync(Guid webhookId, string act, HttpContext http, IAntiforgery antiforgery, WebhooksApi api, OwnedNotes<WebhookOutcome> notes, CancellationToken cancellationToken) =>
        !(Acts.Contains(act) || act == "delete") ? Results.Redirect(Page) : await PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
        {
            var organisation = CurrentUser.Organisation(http);
            var problem = act == "delete"
                ? await api.DeleteAsync(organisation, webhookId, cancellationToken)
                : await api.ActAsync(organisation, webhookId, act, $"portal-webhook-{act}-{Guid.NewGuid()}", cancellationToken);
            return new WebhookOutcome(act, form["url"].ToString(), null, problem, []);
        }, cancellationToken);
}
