using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Security.Tests;

/// <summary>The standalone host's limits, on a host of its own with small ones (the gateway's: GatewayEdgeTests in EndToEnd.Tests).</summary>
public sealed class EdgeLimitTests : IClassFixture<InProcessMarketplace>, IDisposable
{
    private readonly InProcessMarketplace factory;
    private readonly WebApplicationFactory<Marketplace.Standalone.StandaloneArguments> host;

    public EdgeLimitTests(InProcessMarketplace marketplace)
    {
        factory = marketplace;
        host = marketplace.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Edge:RateLimit:PermitsPerSecond", "1");
            b.UseSetting("Edge:RateLimit:BurstSize", "5");
            b.UseSetting("Edge:RateLimit:TokenEndpointPermitsPerMinute", "3");
            b.UseSetting("Edge:MaxRequestBodyBytes", "4096");
            b.UseSetting("Search:IndexDirectory", Path.Combine(Path.GetTempPath(), "security-limits-index-" + Guid.NewGuid().ToString("N"))); // one host per index
        });
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_before_it_is_read()
    {
        using var client = host.CreateClient();
        using var content = new StringContent("{\"name\":\"" + new string('x', 10_000) + "\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/organisations", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_caller_over_its_bucket_gets_429_with_Retry_After_and_other_callers_do_not()
    {
        // Tokens come from the shared host (same keys and issuer), so this host's strict token-endpoint bucket stays out of it.
        var noisy = await factory.OperatorTokenAsync();
        var quiet = await OtherClientTokenAsync();
        using var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12 && limited is null; i++)
        {
            var response = await GetListingAsync(client, noisy);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.InRange(statuses.Count(s => s != HttpStatusCode.TooManyRequests), 5, 7);
        Assert.DoesNotContain(HttpStatusCode.Unauthorized, statuses);

        using var fine = await GetListingAsync(client, quiet);
        Assert.Equal(HttpStatusCode.NotFound, fine.StatusCode);
    }

    [Fact]
    public async Task Forged_tokens_share_their_address_bucket_whatever_subject_they_name_and_cannot_drain_a_real_callers_bucket()
    {
        var real = await factory.OperatorTokenAsync();
        using var client = host.CreateClient();

        // A fresh made-up subject per request used to open a fresh bucket per request: now they all count against the address.
        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await GetListingAsync(client, FakeBearer("forged-" + Guid.NewGuid().ToString("N")));
            forged.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, forged);
        Assert.DoesNotContain(forged, s => s != HttpStatusCode.Unauthorized && s != HttpStatusCode.TooManyRequests);

        // The real caller's own claims under a broken signature: refused, and charged to the address, not to the caller.
        var parts = real.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        for (var i = 0; i < 12; i++)
        {
            using var response = await GetListingAsync(client, tampered);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"tampered token: {response.StatusCode}");
        }

        using var genuine = await GetListingAsync(client, real);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, genuine.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, genuine.StatusCode);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    public async Task A_burst_from_a_caller_that_accepts_no_JSON_gets_JSON_429s_and_413s_never_a_500(string accept)
    {
        var token = await factory.OperatorTokenAsync();
        using var client = host.CreateClient();
        var statuses = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/listings/{Guid.NewGuid()}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.ParseAdd(accept);
            using var response = await client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Contains(429, statuses);
        Assert.DoesNotContain(statuses, s => s >= 500);

        using var big = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations")
        {
            Content = new StringContent("{\"name\":\"" + new string('x', 10_000) + "\"}", Encoding.UTF8, "application/json"),
        };
        big.Headers.Accept.ParseAdd(accept);
        using var tooLarge = await client.SendAsync(big);
        Assert.True(tooLarge.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.TooManyRequests, $"{tooLarge.StatusCode}");
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> GetListingAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/listings/{Guid.NewGuid()}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>A second API client with its own token: another caller as far as the limiter is concerned.</summary>
    private async Task<string> OtherClientTokenAsync()
    {
        using var op = await factory.OperatorClientAsync();
        using var registered = await op.PostAsJsonAsync("/api/v1/organisations", new { name = "Quiet Partner " + Guid.NewGuid().ToString("N")[..6], country = "DK", naceCode = "38.21" });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var organisation = (await registered.JsonAsync()).GetProperty("id").GetGuid();
        using var created = await op.PostAsJsonAsync($"/api/v1/organisations/{organisation}/clients", new { name = "quiet", scopes = new[] { "listings.read" } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var body = await created.JsonAsync();
        return await factory.ClientTokenAsync(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!, "listings.read");
    }

    [Fact]
    public async Task The_token_endpoint_has_a_stricter_limit()
    {
        using var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "guess-" + i,
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>An unsigned token with a subject: refused by validation, and so no caller of its own for the limiter.</summary>
    private static string FakeBearer(string sub) =>
        $"{B64("{\"alg\":\"none\"}")}.{B64($"{{\"sub\":\"{sub}\"}}")}.x";

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => host.Dispose();
}
