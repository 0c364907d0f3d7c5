using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// The edge policies through the real YARP gateway in front of the distributed services. A second gateway with
/// small limits is started for the rate-limit tests, so the shared gateway's buckets stay full for the other tests.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class GatewayEdgeTests(DistributedFixture fixture) : IAsyncLifetime, IDisposable
{
    private HostProcess? strict;
    private string strictUrl = "";

    public async Task InitializeAsync()
    {
        if (RabbitMq.SkipReason() is not null || fixture.Services.Count == 0)
        {
            return;
        }

        var port = Repo.FreePort();
        strictUrl = $"http://127.0.0.1:{port}";
        var env = new Dictionary<string, string>
        {
            ["Auth__Authority"] = fixture.GatewayUrl + "/",
            ["Auth__MetadataAddress"] = $"{fixture.Services["identity"].Url}/.well-known/openid-configuration",
            ["Edge__RateLimit__PermitsPerSecond"] = "2",
            ["Edge__RateLimit__BurstSize"] = "10",
            ["Edge__RateLimit__TokenEndpointPermitsPerMinute"] = "3",
            ["Edge__MaxRequestBodyBytes"] = "65536",
        };
        foreach (var service in new[] { "identity", "listings", "matching", "brokerage", "portal" })
        {
            env[$"ReverseProxy__Clusters__{service}__Destinations__d1__Address"] = fixture.Services[service].Url + "/";
        }

        strict = new HostProcess("gateway-strict", Repo.Dll("gateway/Gateway", "Gateway"), strictUrl, env, fixture.DataDir);
        strict.Start();
        await strict.WaitReadyAsync(TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => strict?.Dispose();

    [RabbitMqFact]
    public async Task The_gateway_rejects_bad_tokens_itself_and_forwards_good_ones_with_a_correlation_id()
    {
        using var client = await Api.OperatorClientAsync(fixture.GatewayUrl);
        var org = await Api.RegisterAsync(client, "Edge Co", "38.21");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/organisations/{org}") { Headers = { { "X-Correlation-Id", "e2e-corr-1" } } };
        using var ok = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("e2e-corr-1", ok.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("nosniff", ok.Headers.GetValues("X-Content-Type-Options").Single());

        using var bad = new HttpClient { BaseAddress = new Uri(fixture.GatewayUrl) };
        bad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.bm9wZQ");
        using var refused = await bad.GetAsync($"/api/v1/organisations/{org}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var anonymous = await new HttpClient().GetAsync($"{fixture.GatewayUrl}/api/v1/listings/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var discovery = await new HttpClient().GetAsync($"{fixture.GatewayUrl}/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }

    [RabbitMqFact]
    public async Task The_gateway_serves_one_merged_OpenAPI_document()
    {
        using var http = new HttpClient();
        // The first merge can miss a service that is still warming up (named in x-missing-services, kept 2 s): ask
        // until the whole document is there, within a bound, then check it.
        var document = await http.GetFromJsonAsync<JsonElement>($"{fixture.GatewayUrl}/openapi/v1.json");
        for (var attempt = 0; attempt < 30 && document.TryGetProperty("x-missing-services", out _); attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            document = await http.GetFromJsonAsync<JsonElement>($"{fixture.GatewayUrl}/openapi/v1.json");
        }

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/organisations", paths);
        Assert.Contains(paths, p => p.StartsWith("/api/v1/listings", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/api/v1/deals", StringComparison.Ordinal));
        Assert.False(document.TryGetProperty("x-missing-services", out _));
        using var page = await http.GetAsync($"{fixture.GatewayUrl}/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [RabbitMqFact]
    public async Task A_body_over_the_gateway_limit_gets_413()
    {
        using var client = await Api.OperatorClientAsync(strictUrl);
        using var content = new StringContent("{\"name\":\"" + new string('x', 200_000) + "\",\"country\":\"DK\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/organisations", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [RabbitMqFact]
    public async Task A_client_over_its_rate_gets_429_with_Retry_After_and_the_token_endpoint_is_stricter()
    {
        using var client = await Api.OperatorClientAsync(strictUrl);
        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                retryAfter ??= response.Headers.GetValues("Retry-After").Single();
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.NotFound, statuses);
        Assert.NotNull(retryAfter);

        using var anonymous = new HttpClient { BaseAddress = new Uri(strictUrl) };
        var tokenStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "guess-" + i,
            }));
            tokenStatuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, tokenStatuses[^1]);
    }

    [RabbitMqFact]
    public async Task Forged_tokens_are_limited_by_address_and_do_not_drain_the_bucket_of_the_caller_they_name()
    {
        // A caller of its own (a fresh API client), so other tests' use of the operator's bucket does not matter.
        using var op = await Api.OperatorClientAsync(fixture.GatewayUrl);
        var org = await Api.RegisterAsync(op, "Bucket Co", "38.21");
        using var created = await op.PostAsJsonAsync($"/api/v1/organisations/{org}/clients", new { name = "bucket", scopes = new[] { "listings.read" } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var registered = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var tokens = new HttpClient { BaseAddress = new Uri(fixture.GatewayUrl) };
        using var issued = await tokens.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = "listings.read",
            ["client_id"] = registered.GetProperty("clientId").GetString()!, ["client_secret"] = registered.GetProperty("clientSecret").GetString()!,
        }));
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var real = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        using var client = new HttpClient { BaseAddress = new Uri(strictUrl) };
        async Task<HttpStatusCode> GetAsync(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/listings/{Guid.NewGuid()}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        // A made-up subject per request does not open a fresh bucket per request.
        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"sub\":\"forged-{Guid.NewGuid():N}\"}}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            forged.Add(await GetAsync($"eyJhbGciOiJSUzI1NiJ9.{payload}.bm9wZQ"));
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, forged);
        Assert.All(forged, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"forged token: {s}"));

        // The real caller's claims under a broken signature are charged to the address, not to the caller they name.
        var parts = real.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        for (var i = 0; i < 20; i++)
        {
            var status = await GetAsync(tampered);
            Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"tampered token: {status}");
        }

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(real));
    }

    [RabbitMqFact]
    public async Task A_token_the_gateway_remembers_is_refused_there_once_it_expires()
    {
        var expires = DateTimeOffset.UtcNow.AddSeconds(15);
        var token = await MintAsync(expires);
        using var client = new HttpClient { BaseAddress = new Uri(fixture.GatewayUrl) };
        async Task<HttpStatusCode> GetAsync()
        {
            // A path of the identity cluster that Identity itself does not map: it answers 404 without reading the
            // token, so only the gateway judges the token here.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations/edge-check/unmapped");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync()); // validated and remembered
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync()); // from memory
        var wait = expires - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync());
    }

    /// <summary>An access token signed with Identity's own key (from its data directory), expiring when asked.</summary>
    private async Task<string> MintAsync(DateTimeOffset expires)
    {
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(fixture.DataDir, "identity", "keys", "signing.pem")));
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["kid"] = "signing-1", ["typ"] = "at+jwt" }));
        var now = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = fixture.GatewayUrl + "/", ["aud"] = "identity", ["sub"] = "edge-expiry", ["client_id"] = "edge-expiry",
            ["scope"] = "admin", ["jti"] = Guid.NewGuid().ToString(), ["iat"] = now, ["nbf"] = now, ["exp"] = expires.ToUnixTimeSeconds(),
        }));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{B64(signature)}";
    }
}
