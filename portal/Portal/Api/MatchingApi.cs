using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>Suggested matches through the public API.</summary>
public sealed class MatchingApi(HttpClient http)
{
    /// <summary>The listing's ranked suggestions; empty while Matching has not yet learnt of a new listing (404).</summary>
    public async Task<IReadOnlyList<Suggestion>> ForListingAsync(Guid listingId, int limit, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/listings/{listingId}/matches?limit={limit}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        return (await ApiJson.ReadAsync<Page<Suggestion>>(response, cancellationToken)).Items;
    }

    /// <summary>One match of the caller's company, or null when it is not one of its parties (404).</summary>
    public async Task<MatchView?> GetAsync(Guid matchId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/matches/{matchId}", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ApiJson.ReadAsync<MatchView>(response, cancellationToken);
    }

    /// <summary>Shows the caller's side's interest; null when done, else the API's refusal (a declined match: 409).</summary>
    public Task<ApiProblem?> InterestAsync(Guid matchId, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/matches/{matchId}/interest", null, cancellationToken);

    public Task<ApiProblem?> DeclineAsync(Guid matchId, string? reason, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/matches/{matchId}/decline", JsonContent.Create(new { reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() }, options: ApiJson.Options), cancellationToken);

    private async Task<ApiProblem?> PostAsync(string path, HttpContent? body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(path, body, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}
