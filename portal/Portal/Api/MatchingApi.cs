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
}
