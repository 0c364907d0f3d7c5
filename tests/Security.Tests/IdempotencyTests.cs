using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Security.Tests;

public abstract class IdempotencyTests(MarketplaceUnderTest factory)
{
    [ModeFact]
    public async Task A_retried_POST_with_the_same_key_returns_the_first_answer_and_creates_nothing_new()
    {
        using var op = await factory.OperatorClientAsync();
        var key = Guid.NewGuid().ToString();
        var name = "Idempotent Works " + key[..8];

        using var first = await PostAsync(op, key, new { name, country = "DK" });
        using var second = await PostAsync(op, key, new { name, country = "DK" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", second.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal(1, await CountAsync(name));
    }

    [ModeFact]
    public async Task The_same_key_with_another_body_is_a_422_and_stores_nothing()
    {
        using var op = await factory.OperatorClientAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(op, key, new { name = "Key Owner " + key[..8], country = "DK" });
        using var other = await PostAsync(op, key, new { name = "Key Thief " + key[..8], country = "DK" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(0, await CountAsync("Key Thief " + key[..8]));
    }

    [ModeFact]
    public async Task Keys_are_private_to_the_caller()
    {
        using var op = await factory.OperatorClientAsync();
        var (organisationId, email, password) = await factory.CompanyWithAdminAsync("Key Privacy " + Guid.NewGuid().ToString()[..6]);
        var tokens = await factory.SignInAsync(email, password);
        using var admin = factory.WithToken(tokens.GetProperty("access_token").GetString()!);
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Shared key client", scopes = new[] { "listings.read" } };

        using var byOperator = await PostAsync(op, key, body, $"/api/v1/organisations/{organisationId}/clients");
        using var byAdmin = await PostAsync(admin, key, body, $"/api/v1/organisations/{organisationId}/clients");

        Assert.Equal(HttpStatusCode.Created, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.False(byAdmin.Headers.Contains("Idempotency-Replayed"));
        Assert.NotEqual((await byOperator.JsonAsync()).GetProperty("clientId").GetString(), (await byAdmin.JsonAsync()).GetProperty("clientId").GetString());
    }

    [ModeFact]
    public async Task Concurrent_duplicates_run_once()
    {
        using var op = await factory.OperatorClientAsync();
        var key = Guid.NewGuid().ToString();
        var name = "Concurrent Works " + key[..8];
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(op, key, new { name, country = "DK" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync(name));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body, string path = "/api/v1/organisations") =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } } });

    /// <summary>Organisations of that name, as the operator sees them through the API.</summary>
    private async Task<int> CountAsync(string name)
    {
        using var op = await factory.OperatorClientAsync();
        return await MarketplaceUnderTest.CountAsync(op, "/api/v1/organisations", o => o.GetProperty("name").GetString() == name);
    }
}

[Collection(InProcessCollection.Name)]
public sealed class IdempotencyInProcessTests(InProcessMarketplace marketplace) : IdempotencyTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class IdempotencyDistributedTests(DistributedMarketplace marketplace) : IdempotencyTests(marketplace), IDistributedMode;
