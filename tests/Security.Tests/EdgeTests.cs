using System.Net;

namespace Marketplace.Security.Tests;

/// <summary>
/// The door both modes share: the standalone's edge policies in process, the gateway's in the distributed mode.
/// Rate and body limits need a host with small limits: <see cref="EdgeLimitTests"/> in process, GatewayEdgeTests
/// (EndToEnd.Tests) through a gateway started with them.
/// </summary>
public abstract class EdgeTests(MarketplaceUnderTest host)
{
    [ModeFact]
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

    [ModeFact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync($"/api/v1/listings/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [ModeFact]
    public async Task Cors_answers_the_configured_origin_only()
    {
        using var client = host.CreateClient();
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/v1/listings")
        {
            Headers = { { "Origin", MarketplaceUnderTest.CorsOrigin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "authorization,idempotency-key" } },
        };
        using var yes = await client.SendAsync(allowed);
        Assert.Equal(MarketplaceUnderTest.CorsOrigin, yes.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var other = new HttpRequestMessage(HttpMethod.Options, "/api/v1/listings")
        {
            Headers = { { "Origin", "https://evil.example.test" }, { "Access-Control-Request-Method", "POST" } },
        };
        using var no = await client.SendAsync(other);
        Assert.False(no.Headers.Contains("Access-Control-Allow-Origin"));
    }

}

[Collection(InProcessCollection.Name)]
public sealed class EdgeInProcessTests(InProcessMarketplace marketplace) : EdgeTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class EdgeDistributedTests(DistributedMarketplace marketplace) : EdgeTests(marketplace), IDistributedMode;
