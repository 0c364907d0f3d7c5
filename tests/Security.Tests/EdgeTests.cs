using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Security.Tests;

/// <summary>The edge policies of the standalone host (the gateway applies the same ones; see EndToEnd.Tests).</summary>
public sealed class EdgeTests : IClassFixture<SecurityFactory>, IDisposable
{
    private readonly WebApplicationFactory<Marketplace.Standalone.StandaloneArguments> host;

    public EdgeTests(SecurityFactory factory)
    {
        host = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Edge:RateLimit:PermitsPerSecond", "1");
            b.UseSetting("Edge:RateLimit:BurstSize", "5");
            b.UseSetting("Edge:RateLimit:TokenEndpointPermitsPerMinute", "3");
            b.UseSetting("Edge:MaxRequestBodyBytes", "4096");
            b.UseSetting("Edge:CorsOrigins:0", "https://portal.example.test");
        });
    }

    [Fact]
    public async Task A_correlation_id_is_created_or_propagated_and_returned()
    {
        using var client = host.CreateClient();
        using var created = await client.GetAsync("/health/live");
        Assert.Matches("^[0-9a-f]{32}$", created.Headers.GetValues("X-Correlation-Id").Single());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "partner-req-42" } } };
        using var propagated = await client.SendAsync(request);
        Assert.Equal("partner-req-42", propagated.Headers.GetValues("X-Correlation-Id").Single());

        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "<script>" } } };
        using var replaced = await client.SendAsync(hostile);
        Assert.NotEqual("<script>", replaced.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync($"/api/v1/listings/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
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
    public async Task Cors_answers_the_configured_origin_only()
    {
        using var client = host.CreateClient();
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/v1/listings")
        {
            Headers = { { "Origin", "https://portal.example.test" }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "authorization,idempotency-key" } },
        };
        using var yes = await client.SendAsync(allowed);
        Assert.Equal("https://portal.example.test", yes.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var other = new HttpRequestMessage(HttpMethod.Options, "/api/v1/listings")
        {
            Headers = { { "Origin", "https://evil.example.test" }, { "Access-Control-Request-Method", "POST" } },
        };
        using var no = await client.SendAsync(other);
        Assert.False(no.Headers.Contains("Access-Control-Allow-Origin"));
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
