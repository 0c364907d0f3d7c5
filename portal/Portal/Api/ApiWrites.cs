using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

internal static class ApiWrites
{
    /// <summary>A POST with an optional JSON body and <c>Idempotency-Key</c>: null when the API did it, otherwise its refusal with the messages by field.</summary>
    public static Task<ApiProblem?> PostForProblemAsync(this HttpClient http, string path, object? body, string? idempotencyKey, CancellationToken cancellationToken) =>
        http.SendForProblemAsync(HttpMethod.Post, path, body, idempotencyKey, cancellationToken);

    /// <summary>The same for any method (a <c>PUT</c> of a whole resource, which is idempotent by itself).</summary>
    public static async Task<ApiProblem?> SendForProblemAsync(this HttpClient http, HttpMethod method, string path, object? body, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiJson.Options);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}
