using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>Listings and the waste-code taxonomy through the public API, with the signed-in user's token.</summary>
public sealed class ListingsApi(HttpClient http)
{
    public async Task<Page<Listing>> MineAsync(Guid organisationId, string? kind, string status, int limit, CancellationToken cancellationToken)
    {
        var query = $"api/v1/listings?organisationId={organisationId}&status={Uri.EscapeDataString(status)}&limit={limit}"
                    + (kind is null ? "" : $"&kind={Uri.EscapeDataString(kind)}");
        using var response = await http.GetAsync(query, cancellationToken);
        return await ApiJson.ReadAsync<Page<Listing>>(response, cancellationToken);
    }

    public async Task<Listing> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/listings/{id}", cancellationToken);
        return await ApiJson.ReadAsync<Listing>(response, cancellationToken);
    }

    /// <summary>Posts a listing; a refusal comes back as its problem (field messages), not as an exception.</summary>
    public async Task<(Listing? Created, ApiProblem? Problem)> CreateAsync(object body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/listings") { Content = JsonContent.Create(body, options: ApiJson.Options) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<Listing>(response, cancellationToken);
    }

    /// <summary>A JSON merge patch of what the user edited, for the version the user saw (a later change answers 412).</summary>
    public Task<ApiProblem?> PatchAsync(Guid id, object body, int version, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"api/v1/listings/{id}", body, version, cancellationToken);

    /// <summary><c>publish</c> (also resumes a paused listing), <c>pause</c> or <c>close</c> (with a reason: fulfilled or withdrawn).</summary>
    public Task<ApiProblem?> ChangeStatusAsync(Guid id, string action, string? reason, int version, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/listings/{id}/{action}", action == "close" ? new { reason } : null, version, cancellationToken);

    private async Task<ApiProblem?> SendAsync(HttpMethod method, string path, object? body, int version, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiJson.Options);
        }

        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }

    public async Task<IReadOnlyList<EwcSuggestion>> SuggestWasteCodesAsync(string text, int limit, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/taxonomy/ewc?q={Uri.EscapeDataString(text)}&limit={limit}", cancellationToken);
        return (await ApiJson.ReadAsync<EwcSuggestions>(response, cancellationToken)).Items;
    }
}
