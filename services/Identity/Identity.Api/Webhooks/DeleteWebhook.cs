namespace Marketplace.Identity.Webhooks;

/// <summary>DELETE /api/v1/organisations/{id}/webhooks/{webhookId}: removes the endpoint; its pending deliveries are marked failed.</summary>
public static class DeleteWebhook
{
    public static async Task<Results<NoContent, NotFound>> Handle(Guid id, Guid webhookId, ClaimsPrincipal user, IdentityDataContext db, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id))
        {
            return TypedResults.NotFound();
        }

        await db.WebhookDeliveries.Where(d => d.EndpointId == webhookId && d.OrganisationId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed), cancellationToken);
        var deleted = await db.WebhookEndpoints.Where(e => e.Id == webhookId && e.OrganisationId == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
