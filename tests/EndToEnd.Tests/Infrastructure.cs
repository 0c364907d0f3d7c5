using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

public static class Api
{
    public static async Task<HttpClient> OperatorClientAsync(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-operator",
            ["client_secret"] = "demo-operator-secret",
        }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<Guid> RegisterAsync(HttpClient client, string name, string nace)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = nace, country = "DK" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateListingAsync(HttpClient client, Guid organisationId, string kind, string title, string description)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/listings", new
        {
            organisationId,
            kind,
            resourceClass = "material",
            title,
            description,
            quantity = new { amount = 1000, unit = "t", per = "year" },
            location = new { lat = 55.6, lon = 11.1, country = "DK" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the want's suggestions until the offer is among them; returns the elapsed time.</summary>
    public static async Task<TimeSpan> WaitForMatchAsync(HttpClient client, Guid want, Guid offer, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            using var response = await client.GetAsync($"/api/v1/listings/{want}/matches?limit=10");
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (body.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("listingId").GetGuid() == offer))
                {
                    return watch.Elapsed;
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Offer {offer} did not appear in the matches of {want} within {timeout}.");
    }

    /// <summary>True once Matching knows the listing (its matches answer 200 rather than 404).</summary>
    public static async Task<bool> MatchingKnowsAsync(HttpClient client, Guid listing)
    {
        using var response = await client.GetAsync($"/api/v1/listings/{listing}/matches?limit=1");
        return response.IsSuccessStatusCode;
    }
}
