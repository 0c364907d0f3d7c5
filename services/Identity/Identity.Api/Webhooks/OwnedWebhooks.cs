namespace Marketplace.Identity.Webhooks;

/// <summary>The "may manage, load, or 404" preamble of the handlers that act on one endpoint of an organisation.</summary>
internal static class OwnedWebhooks
{
    /// <summary>The endpoint when it belongs to organisation <paramref name="id"/> and the caller manages that organisation; otherwise null (404).</summary>
    public static async Task<WebhookEndpoint?> FindOwnedAsync(this IQueryable<WebhookEndpoint> endpoints, Guid id, Guid webhookId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.CanManageOrganisation(id) ? await endpoints.FirstOrDefaultAsync(e => e.Id == webhookId && e.OrganisationId == id, cancellationToken) : null;
}
