using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>An organisation's API clients for its partner apps, through Identity's API (organisation admins only: scope admin).</summary>
public sealed class ApiClientsApi(HttpClient http)
{
    /// <summary>The clients, or null when the user may not manage them (not an admin of the organisation: 403/404).</summary>
    public async Task<IReadOnlyList<ApiClient>?> ListAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations/{organisationId}/clients", cancellationToken);
        return response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound ? null
            : (await ApiJson.ReadAsync<Page<ApiClient>>(response, cancellationToken)).Items;
    }

    public async Task<(ApiClientSecret? Created, ApiProblem? Problem)> CreateAsync(Guid organisationId, string name, IReadOnlyList<string> scopes, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/organisations/{organisationId}/clients")
        {
            Content = JsonContent.Create(new { name, scopes }, options: ApiJson.Options),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<ApiClientSecret>(response, cancellationToken);
    }

    public async Task<(ApiClientSecret? Rotated, ApiProblem? Problem)> RotateAsync(Guid organisationId, string clientId, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/organisations/{organisationId}/clients/{Uri.EscapeDataString(clientId)}/secret");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<ApiClientSecret>(response, cancellationToken);
    }

    public async Task<ApiProblem?> RevokeAsync(Guid organisationId, string clientId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"api/v1/organisations/{organisationId}/clients/{Uri.EscapeDataString(clientId)}", cancellationToken);
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}
