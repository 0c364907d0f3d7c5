using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Listings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Listings.Tests;

/// <summary>The standalone host in process (real SQLite files, in-memory bus), with a fast expiry job.</summary>
public sealed class ListingsFactory() : StandaloneFactory("listings-tests")
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        // Many partner clients sign in within a minute here: the token endpoint's per-address limit (60 a minute, against
        // secret guessing) is not what these tests are about (Security.Tests covers it).
        [new("Listings:ExpiryInterval", "00:00:00.500"), new("Listings:MaxImportBytes", "2000000"), new("Edge:RateLimit:TokenEndpointPermitsPerMinute", "600")];

    /// <summary>A company registered in Identity and known to Listings (its OrganisationRegistered consumed).</summary>
    public async Task<Guid> RegisterCompanyAsync(HttpClient operatorClient, string name, string nace = "17.12")
    {
        var response = await operatorClient.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = nace, country = "DK" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually(async () => await WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == id)) ? "" : null);
        return id;
    }

    /// <summary>A partner client issued to one company (client credentials), with the listings scopes.</summary>
    public async Task<HttpClient> PartnerClientAsync(HttpClient operatorClient, Guid organisationId)
    {
        var response = await operatorClient.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/clients",
            new { name = "Partner app", scopes = new[] { "listings.read", "listings.write" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return await ClientAsync(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    public async Task<T> WithDbAsync<T>(Func<ListingsDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ListingsDbContext>());
    }

}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ListingsFactory>
{
    public const string Name = "api";
}

public static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static object Listing(Guid? organisationId, string title, string kind = "offer", string? description = null,
        string? ewcCode = null, bool? hazardous = null, string? status = null, string visibility = "public",
        double lat = 55.6, double lon = 11.1, string? availableUntil = null) => new
        {
            organisationId,
            kind,
            resourceClass = "material",
            title,
            description = description ?? $"{title} described.",
            ewcCode,
            hazardous,
            status,
            visibility,
            availableUntil,
            quantity = new { amount = 120, unit = "t", per = "month" },
            location = new { lat, lon, country = "DK", address = "Havnevej 1" },
        };

    public static async Task<JsonElement> CreateAsync(this HttpClient client, object listing)
    {
        var response = await client.PostAsJsonAsync("/api/v1/listings", listing);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
