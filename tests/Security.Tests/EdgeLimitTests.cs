using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Security.Tests;

/// <summary>The standalone host's limits, on a host of its own with small ones (the gateway's: GatewayEdgeTests in EndToEnd.Tests).</summary>
public sealed class EdgeLimitTests : IClassFixture<SecurityFactory>, IDisposable
{
    private readonly WebApplicationFactory<Marketplace.Standalone.StandaloneArguments> host;

    public EdgeLimitTests(SecurityFactory factory)
    {
        host = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Edge:RateLimit:PermitsPerSecond", "1");
            b.UseSetting("Edge:RateLimit:BurstSize", "5");
            b.UseSetting("Edge:RateLimit:TokenEndpointPermitsPerMinute", "3");
            b.UseSetting("Edge:MaxRequestBodyBytes", "4096");
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
        using var client = host.CreateClient();
        var token = FakeBearer("noisy-client");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/listings/{Guid.NewGuid()}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 5, 7);

        using var quiet = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/listings/{Guid.NewGuid()}");
        quiet.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeBearer("quiet-client"));
        using var fine = await client.SendAsync(quiet);
        Assert.Equal(HttpStatusCode.Unauthorized, fine.StatusCode);
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

    /// <summary>An unsigned token with a subject: enough for the limiter's key, refused by validation.</summary>
    private static string FakeBearer(string sub) =>
        $"{B64("{\"alg\":\"none\"}")}.{B64($"{{\"sub\":\"{sub}\"}}")}.x";

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => host.Dispose();
}
