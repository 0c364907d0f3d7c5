namespace Marketplace.Identity.Webhooks;

/// <summary>
/// POST /api/v1/organisations/{id}/webhooks/{webhookId}/test: a <c>webhook.test</c> event for this endpoint only, signed and
/// retried like any other, so a partner sees its receiver work (or why not) before a real event is due.
/// </summary>
public static class TestWebhook
{
    public static async Task<Results<Accepted<WebhookDeliveryDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, Guid webhookId, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FindOwnedAsync(id, webhookId, user, cancellationToken);
        if (endpoint is null)
        {
            return TypedResults.NotFound();
        }

        if (!endpoint.Enabled)
        {
            return TypedResults.Problem("The endpoint is disabled: enable it first, then test it.", statusCode: StatusCodes.Status409Conflict, title: "Endpoint disabled");
        }

        var delivery = WebhookDeliveries.New(endpoint, WebhookEventTypes.Test,
            new { message = "A test event from the Symbiosis Marketplace: your endpoint received it." }, clock.GetUtcNow().UtcDateTime);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        WebhookDispatcher.Signal();
        return TypedResults.Accepted($"/api/v1/organisations/{id}/webhooks/{webhookId}/deliveries", ListWebhookDeliveries.AsDto(delivery));
    }
}
