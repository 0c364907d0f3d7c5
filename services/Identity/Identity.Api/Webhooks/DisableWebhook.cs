namespace Marketplace.Identity.Webhooks;

/// <summary>
/// POST /api/v1/organisations/{id}/webhooks/{webhookId}/disable: pauses an endpoint (while the receiving system is down for
/// maintenance, say). No new events are queued for it while paused; deliveries already queued wait and go out when it is
/// enabled again.
/// </summary>
public static class DisableWebhook
{
    public const string ByAdmin = "Disabled by an administrator.";

    public static async Task<Results<Ok<WebhookDto>, NotFound>> Handle(
        Guid id, Guid webhookId, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.FindOwnedAsync(id, webhookId, user, cancellationToken);
        if (endpoint is null)
        {
            return TypedResults.NotFound();
        }

        if (endpoint.Enabled)
        {
            endpoint.Enabled = false;
            endpoint.DisabledAt = clock.GetUtcNow().UtcDateTime;
            endpoint.DisabledReason = ByAdmin;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(endpoint.AsDto());
    }
}
