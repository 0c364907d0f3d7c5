using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Brokerage.Contracts;
using Marketplace.Matching.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Security.Tests;

[Collection(HostCollection.Name)]
public sealed class WebhookTests(SecurityFactory factory)
{
    [Fact]
    public async Task A_subscribed_event_is_delivered_signed_with_the_secret_shown_once()
    {
        using var receiver = new WebhookReceiver();
        var (organisationId, _, _) = await factory.CompanyWithAdminAsync("Hooked Cement " + Guid.NewGuid().ToString()[..6]);
        using var op = await factory.OperatorClientAsync();
        using var created = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks",
            new { url = receiver.Url, eventTypes = new[] { "match.suggested", "invoice.issued" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var hook = await created.JsonAsync();
        var secret = hook.GetProperty("secret").GetString()!;

        var bus = factory.Services.GetRequiredService<IBus>();
        var matchId = Guid.NewGuid();
        await bus.Publish(new MatchSuggested(matchId, "pair", Guid.NewGuid(), Guid.NewGuid(), [organisationId, Guid.NewGuid()], 0.8));
        await bus.Publish(new DealOpened(Guid.NewGuid(), matchId, [organisationId])); // not subscribed

        var delivery = await receiver.NextAsync();
        var signature = delivery.Headers["Symbiosis-Signature"]!;
        var t = signature.Split(',')[0][2..];
        var v1 = signature.Split(',')[1][3..];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{delivery.Body}")));
        Assert.Equal(expected, v1);
        Assert.True(PartnerClient.WebhookVerifier.Verify(secret, signature, delivery.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(PartnerClient.WebhookVerifier.Verify(secret, signature, delivery.Body.Replace("match.suggested", "match.accepted"), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(PartnerClient.WebhookVerifier.Verify(secret, signature, delivery.Body, DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(5)));
        Assert.InRange(long.Parse(t, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("match.suggested", body.GetProperty("type").GetString());
        Assert.Equal(matchId, body.GetProperty("data").GetProperty("matchId").GetGuid());

        var listed = await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks");
        Assert.False(listed[0].TryGetProperty("secret", out _));
        await Task.Delay(500);
        Assert.Equal(1, receiver.Count);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_every_attempt_logged_then_disabled_and_can_be_re_enabled()
    {
        using var receiver = new WebhookReceiver { Status = HttpStatusCode.InternalServerError };
        var (organisationId, _, _) = await factory.CompanyWithAdminAsync("Flaky Receiver " + Guid.NewGuid().ToString()[..6]);
        using var op = await factory.OperatorClientAsync();
        using var created = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url = receiver.Url, eventTypes = new[] { "invoice.issued" } });
        var hookId = (await created.JsonAsync()).GetProperty("id").GetGuid();

        await factory.Services.GetRequiredService<IBus>().Publish(new InvoiceIssued(Guid.NewGuid(), "INV-1", organisationId, 120m, "EUR", DateOnly.FromDateTime(DateTime.UtcNow)));

        var disabled = await Eventually(async () =>
        {
            var hooks = await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks");
            return hooks[0].GetProperty("enabled").GetBoolean() ? null : (JsonElement?)hooks[0];
        });
        Assert.Contains("failed attempts", disabled.GetProperty("disabledReason").GetString());
        var deliveries = await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks/{hookId}/deliveries");
        var attempts = deliveries[0].GetProperty("attemptLog").EnumerateArray().ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(500, a.GetProperty("statusCode").GetInt32()));
        Assert.Equal("pending", deliveries[0].GetProperty("status").GetString());
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b.GetProperty("attemptedAt").GetDateTime() - a.GetProperty("attemptedAt").GetDateTime()).ToList();
        Assert.True(gaps[1] > gaps[0], "backoff grows");

        receiver.Status = HttpStatusCode.OK;
        using var enabled = await op.PostAsync($"/api/v1/organisations/{organisationId}/webhooks/{hookId}/enable", null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await Eventually(async () =>
        {
            var list = await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks/{hookId}/deliveries");
            return list[0].GetProperty("status").GetString() == "succeeded" ? (JsonElement?)list[0] : null;
        });
    }

    [Fact]
    public async Task Another_company_cannot_see_or_touch_an_organisations_webhooks()
    {
        var (organisationId, _, _) = await factory.CompanyWithAdminAsync("Hook Owner " + Guid.NewGuid().ToString()[..6]);
        var (_, email, password) = await factory.CompanyWithAdminAsync("Hook Snoop " + Guid.NewGuid().ToString()[..6]);
        var tokens = await factory.SignInAsync(email, password);
        using var snoop = factory.WithToken(tokens.GetProperty("access_token").GetString()!);
        using var list = await snoop.GetAsync($"/api/v1/organisations/{organisationId}/webhooks");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        using var create = await snoop.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url = "https://example.com/x", eventTypes = new[] { "match.suggested" } });
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
    }

    [Fact]
    public async Task Webhook_urls_must_be_https_to_a_public_host()
    {
        var (organisationId, _, _) = await factory.CompanyWithAdminAsync("Url Rules " + Guid.NewGuid().ToString()[..6]);
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Webhooks:AllowInsecureUrls", "false"));
        using var op = strict.CreateClient();
        op.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await factory.OperatorTokenAsync());
        foreach (var url in new[] { "http://example.com/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://localhost/hook", "https://user:pw@example.com/h", "ftp://example.com/" })
        {
            using var refused = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url, eventTypes = new[] { "match.suggested" } });
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)refused.StatusCode}");
        }

        using var accepted = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url = "https://erp.example.com/hooks", eventTypes = new[] { "match.suggested" } });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var unknownType = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url = "https://erp.example.com/hooks", eventTypes = new[] { "listing.deleted" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
    }

    private static async Task<JsonElement> Eventually(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "The expected state was not reached in time.");
            await Task.Delay(100);
        }
    }
}

/// <summary>A partner's webhook endpoint: records what arrives and answers with <see cref="Status"/>.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(Dictionary<string, string?> Headers, string Body)> received = new();
    private readonly SemaphoreSlim arrived = new(0);

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
    public int Count { get; private set; }

    public async Task<(Dictionary<string, string?> Headers, string Body)> NextAsync()
    {
        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(20)), "No webhook arrived.");
        Assert.True(received.TryDequeue(out var item));
        return item;
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]);
            context.Response.StatusCode = (int)Status;
            context.Response.Close();
            if (Status == HttpStatusCode.OK)
            {
                Count++;
                received.Enqueue((headers, body));
                arrived.Release();
            }
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
