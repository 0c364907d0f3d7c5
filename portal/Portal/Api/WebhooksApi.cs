using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>An organisation's webhook endpoints and their deliveries, through Identity's API (organisation admins only: scope admin).</summary>
public sealed class WebhooksApi(HttpClient http)
{
    /// <summary>The endpoints, newest first, or null when the user may not manage them (403/404).</summary>
    public async Task<IReadOnlyList<Webhook>?> ListAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations/{organisationId}/webhooks?limit=50", cancellationToken);
        return response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound ? null
            : (await ApiJson.ReadAsync<Page<Webhook>>(response, cancellationToken)).Items;
    }

    /// <summary>The latest deliveries of one endpoint with their attempts, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(Guid organisationId, Guid webhookId, int limit, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations/{organisationId}/webhooks/{webhookId}/deliveries?limit={limit}", cancellationToken);
        return (await ApiJson.ReadAsync<Page<WebhookDelivery>>(response, cancellationToken)).Items;
    }

    public async Task<(WebhookCreated? Created, ApiProblem? Problem)> CreateAsync(Guid organisationId, string url, IReadOnlyList<string> eventTypes, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/organisations/{organisationId}/webhooks")
        {
            Content = JsonContent.Create(new { url, eventTypes }, options: ApiJson.Options),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<WebhookCreated>(response, cancellationToken);
    }

    /// <summary><c>enable</c>, <c>disable</c> or <c>test</c>.</summary>
    public async Task<ApiProblem?> ActAsync(Guid organisationId, Guid webhookId, string action, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/organisations/{organisationId}/webhooks/{webhookId}/{action}");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }

    /// <summary>Deletes an endpoint; one already gone (404) counts as done.</summary>
    public async Task<ApiProblem?> DeleteAsync(Guid organisationId, Guid webhookId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"api/v1/organisations/{organisationId}/webhooks/{webhookId}", cancellationToken);
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}

public sealed record Webhook(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, string? DisabledReason, DateTimeOffset? DisabledAt,
    int ConsecutiveFailures, DateTimeOffset CreatedAt);

public sealed record WebhookCreated(Guid Id, string Url, IReadOnlyList<string> EventTypes, string Secret);

public sealed record WebhookDelivery(Guid Id, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt,
    DateTimeOffset? CompletedAt, IReadOnlyList<WebhookAttempt> AttemptLog);

public sealed record WebhookAttempt(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs);
