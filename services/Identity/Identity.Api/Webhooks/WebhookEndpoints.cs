using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Identity.Data;
using Marketplace.Identity.Organisations;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Webhooks;

public sealed record CreateWebhookRequest(
    [property: Required, StringLength(2000)] string Url,
    [property: Required, MinLength(1), MaxLength(20)] string[] EventTypes);

public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, string? DisabledReason, DateTime? DisabledAt, int ConsecutiveFailures, DateTime CreatedAt);

public sealed record WebhookCreatedDto(Guid Id, string Url, IReadOnlyList<string> EventTypes, string Secret);

public sealed record WebhookAttemptDto(DateTime AttemptedAt, int? StatusCode, string? Error, int DurationMs);

public sealed record WebhookDeliveryDto(Guid Id, string EventType, string Status, int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? CompletedAt, IReadOnlyList<WebhookAttemptDto> AttemptLog);

/// <summary>Webhook endpoints of an organisation, managed by its admins and the operator (scope <c>admin</c>).</summary>
public static class WebhookEndpoints
{
    internal const string SecretPurpose = "Marketplace.Webhooks.Secret";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}/webhooks").WithTags("Webhooks").RequireOrganisationManager();
        group.MapPost("/", CreateWebhook).WithName(nameof(CreateWebhook))
            .WithSummary("Register a webhook endpoint")
            .WithDescription("Registers an HTTPS endpoint that receives the organisation's events, signed with the secret returned once in the answer. Organisation admins and the operator (scope `admin`).")
            .RequireScope(Scopes.Admin);
        group.MapGet("/", ListWebhooks).WithName(nameof(ListWebhooks))
            .WithSummary("List webhook endpoints")
            .WithDescription("The organisation's webhook endpoints with their events and state (enabled, or disabled after 24 hours of failing deliveries). `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/{webhookId:guid}/enable", EnableWebhook).WithName(nameof(EnableWebhook))
            .WithSummary("Re-enable a webhook endpoint")
            .WithDescription("Turns a disabled endpoint back on; deliveries that are still due are attempted again.")
            .RequireScope(Scopes.Admin);
        group.MapDelete("/{webhookId:guid}", DeleteWebhook).WithName(nameof(DeleteWebhook))
            .WithSummary("Delete a webhook endpoint")
            .WithDescription("Removes the endpoint; no further deliveries are made to it.")
            .RequireScope(Scopes.Admin);
        group.MapGet("/{webhookId:guid}/deliveries", ListWebhookDeliveries).WithName(nameof(ListWebhookDeliveries))
            .WithSummary("List a webhook's deliveries")
            .WithDescription("The deliveries of one endpoint, newest first, with each attempt's status code and time. `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        return app;
    }

    public static async Task<Results<Created<WebhookCreatedDto>, NotFound, ValidationProblem>> CreateWebhook(
        Guid id, CreateWebhookRequest request, ClaimsPrincipal user, IdentityDataContext db, IDataProtectionProvider protection,
        IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id) || !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (await WebhookUrlRules.ProblemAsync(request.Url, options.Value.AllowInsecureUrls == true, cancellationToken) is { } urlProblem)
        {
            errors["url"] = [urlProblem];
        }

        var unknown = request.EventTypes.Where(t => !WebhookEventTypes.All.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            errors["eventTypes"] = [$"Unknown: {string.Join(", ", unknown)}. Known: {string.Join(", ", WebhookEventTypes.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var types = request.EventTypes.Distinct().ToList();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(), OrganisationId = id, Url = request.Url, EventTypes = string.Join(' ', types),
            ProtectedSecret = protection.CreateProtector(SecretPurpose).Protect(secret), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{id}/webhooks/{endpoint.Id}", new WebhookCreatedDto(endpoint.Id, endpoint.Url, types, secret));
    }

    /// <summary>An organisation's webhook endpoints, newest first: <c>{ items, nextCursor }</c>.</summary>
    public static async Task<Results<Ok<Page<WebhookDto>>, NotFound, ValidationProblem>> ListWebhooks(Guid id, ClaimsPrincipal user, IdentityDataContext db,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id))
        {
            return TypedResults.NotFound();
        }

        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await db.WebhookEndpoints.AsNoTracking().Where(e => e.OrganisationId == id)
            .ToPageAsync(e => e.Id, request, rows => rows.Select(AsDto).ToList(), cancellationToken));
    }

    /// <summary>Re-enables a disabled endpoint; its pending deliveries are tried again at once.</summary>
    public static async Task<Results<Ok<WebhookDto>, NotFound>> EnableWebhook(
        Guid id, Guid webhookId, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = OrganisationEndpoints.CanManage(user, id)
            ? await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == webhookId && e.OrganisationId == id, cancellationToken) : null;
        if (endpoint is null)
        {
            return TypedResults.NotFound();
        }

        endpoint.Enabled = true;
        endpoint.DisabledAt = null;
        endpoint.DisabledReason = null;
        endpoint.ConsecutiveFailures = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.EndpointId == webhookId && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        WebhookDispatcher.Signal();
        return TypedResults.Ok(AsDto(endpoint));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteWebhook(Guid id, Guid webhookId, ClaimsPrincipal user, IdentityDataContext db, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id))
        {
            return TypedResults.NotFound();
        }

        await db.WebhookDeliveries.Where(d => d.EndpointId == webhookId && d.OrganisationId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed), cancellationToken);
        var deleted = await db.WebhookEndpoints.Where(e => e.Id == webhookId && e.OrganisationId == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>The latest deliveries with every attempt: what was sent, when, and what the endpoint answered.</summary>
    public static async Task<Results<Ok<Page<WebhookDeliveryDto>>, NotFound, ValidationProblem>> ListWebhookDeliveries(
        Guid id, Guid webhookId, ClaimsPrincipal user, IdentityDataContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id) || !await db.WebhookEndpoints.AnyAsync(e => e.Id == webhookId && e.OrganisationId == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog).Where(d => d.EndpointId == webhookId)
            .ToPageAsync(d => d.Id, request, rows => rows.Select(d => new WebhookDeliveryDto(d.Id, d.EventType, d.Status, d.Attempts, d.CreatedAt,
                d.NextAttemptAt, d.CompletedAt, [.. d.AttemptLog.OrderBy(a => a.AttemptedAt)
                    .Select(a => new WebhookAttemptDto(a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs))])).ToList(), cancellationToken));
    }

    private static WebhookDto AsDto(WebhookEndpoint e) => new(e.Id, e.Url, e.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries), e.Enabled, e.DisabledReason, e.DisabledAt, e.ConsecutiveFailures, e.CreatedAt);
}
