using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Matching.Tests;

/// <summary>The standalone host in process: every service, in-memory bus, real SQLite files in a fresh directory.</summary>
public sealed class MatchingFactory() : StandaloneFactory("matching-tests")
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Outbox:PollInterval", "00:00:00.100")];
}

internal static class Api
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<Guid> RegisterAsync(HttpClient client, string name, string? nace)
    {
        var response = await client.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = nace, country = "DK" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateListingAsync(
        HttpClient client, Guid organisationId, string kind, string title, string description,
        decimal amount = 1000, string? ewcCode = null, bool? hazardous = null, bool acceptsHazardous = false, double lat = 55.6, double lon = 11.1)
    {
        var response = await client.PostAsJsonAsync("/api/v1/listings", new
        {
            organisationId,
            kind,
            resourceClass = "material",
            title,
            description,
            ewcCode,
            hazardous,
            acceptsHazardous,
            quantity = new { amount, unit = "t", per = "year" },
            location = new { lat, lon, country = "DK" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>The listing's suggestions once Matching knows it (null while it answers 404).</summary>
    public static async Task<List<JsonElement>?> MatchesAsync(HttpClient client, Guid listing, int limit = 10)
    {
        using var response = await client.GetAsync($"/api/v1/listings/{listing}/matches?limit={limit}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }

    /// <summary>Every stored open suggestion of the listing (<c>view=all</c>), the reciprocal list's hidden ones too.</summary>
    public static async Task<List<JsonElement>> AllMatchesAsync(HttpClient client, Guid listing)
    {
        using var response = await client.GetAsync($"/api/v1/listings/{listing}/matches?view=all&limit=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }

    /// <summary>Waits until <paramref name="counterpart"/> is among the listing's suggestions and returns that item.</summary>
    public static async Task<JsonElement> WaitForMatchAsync(HttpClient client, Guid listing, Guid counterpart)
    {
        var box = await Eventually(async () =>
        {
            var items = await MatchesAsync(client, listing);
            var item = items?.FirstOrDefault(i => i.GetProperty("listingId").GetGuid() == counterpart);
            return item is { ValueKind: JsonValueKind.Object } found ? new Box(found) : null;
        });
        return box.Value;
    }

    internal sealed record Box(JsonElement Value);
}
