using Marketplace.ServiceDefaults.Paging;

namespace Marketplace.Identity.Webhooks;

public sealed record WebhookAttemptDto(DateTime AttemptedAt, int? StatusCode, string? Error, int DurationMs);

public sealed record WebhookDeliveryDto(Guid Id, string EventType, string Status, int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? CompletedAt, IReadOnlyList<WebhookAttemptDto> AttemptLog);

/// <summary>
/// GET /api/v1/organisations/{id}/webhooks/{webhookId}/deliveries: the latest deliveries with every attempt: what was
/// sent, when, and what the endpoint answered.
/// </summary>
public static class ListWebhookDeliveries
{
    public static async Task<Results<Ok<Page<WebhookDeliveryDto>>, NotFound, ValidationProblem>> Handle(
        Guid id, Guid webhookId, ClaimsPrincipal user, IdentityDataContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id) || !await db.WebhookEndpoints.AnyAsync(e => e.Id == webhookId && e.OrganisationId == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog).Where(d => d.EndpointId == webhookId)
            .ToPageAsync(d => d.Id, request, rows => rows.Select(AsDto).ToList(), cancellationToken));
    }

    internal static WebhookDeliveryDto AsDto(WebhookDelivery d) => new(d.Id, d.EventType, d.Status, d.Attempts, d.CreatedAt,
        d.NextAttemptAt, d.CompletedAt, [.. d.AttemptLog.OrderBy(a => a.AttemptedAt).Select(a => new WebhookAttemptDto(a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs))]);
}
