using System.Net;

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

    /// <summary>
    /// The listing's suggestions for its matches page: the reciprocal list (both sides among each other's best) with how
    /// many stored suggestions it leaves out, or with <paramref name="all"/> every stored suggestion by score.
    /// </summary>
    public async Task<SuggestionList> ListForListingAsync(Guid listingId, int limit, bool all, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/listings/{listingId}/matches?limit={limit}{(all ? "&view=all" : "")}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return new SuggestionList([], null, 0);
        }

        return await ApiJson.ReadAsync<SuggestionList>(response, cancellationToken);
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
        PostAsync($"api/v1/matches/{matchId}/decline", new { reason = Trimmed(reason) }, cancellationToken);

    /// <summary>The operator's pipeline page (<c>GET /api/v1/pipeline</c>) for the query string the console's filter form built.</summary>
    public async Task<PipelinePage> PipelineAsync(string query, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/pipeline" + query, cancellationToken);
        return await ApiJson.ReadAsync<PipelinePage>(response, cancellationToken);
    }

    /// <summary>The operator reminds both sides; <paramref name="idempotencyKey"/> (the form's token) makes a double submit one nudge.</summary>
    public Task<ApiProblem?> NudgeAsync(Guid matchId, string? note, string? idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/matches/{matchId}/nudge", new { note = Trimmed(note) }, cancellationToken, idempotencyKey);

    public Task<ApiProblem?> ArchiveAsync(Guid matchId, string? reason, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/matches/{matchId}/archive", new { reason = Trimmed(reason) }, cancellationToken);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private Task<ApiProblem?> PostAsync(string path, object? body, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        http.PostForProblemAsync(path, body, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey, cancellationToken);
}
