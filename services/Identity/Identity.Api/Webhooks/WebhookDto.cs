namespace Marketplace.Identity.Webhooks;

public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, string? DisabledReason, DateTime? DisabledAt, int ConsecutiveFailures, DateTime CreatedAt);

internal static class WebhookMapping
{
    public static WebhookDto AsDto(this WebhookEndpoint e) => new(e.Id, e.Url, e.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries), e.Enabled, e.DisabledReason, e.DisabledAt, e.ConsecutiveFailures, e.CreatedAt);
}
