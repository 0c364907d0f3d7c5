namespace Marketplace.Identity.Webhooks;

/// <summary>POST /api/v1/organisations/{id}/webhooks/{webhookId}/enable: re-enables a disabled endpoint; its pending deliveries are tried again at once.</summary>
public static class EnableWebhook
{
    public static async Task<Results<Ok<WebhookDto>, NotFound>> Handle(
        Guid id, Guid webhookId, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.FindOwnedAsync(id, webhookId, user, cancellationToken);
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
        return TypedResults.Ok(endpoint.AsDto());
    }
}
