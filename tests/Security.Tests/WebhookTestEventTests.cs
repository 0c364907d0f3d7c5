using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Security.Tests;

/// <summary>
/// An admin checks a receiver before any real event: a test event reaches that endpoint only, signed with its secret, and
/// shows in the deliveries list; a paused endpoint gets neither tests nor events until it is enabled.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed class WebhookTestEventTests(InProcessMarketplace app)
{
    [Fact]
    public async Task A_test_event_reaches_the_endpoint_signed_and_a_paused_endpoint_refuses_it_until_enabled()
    {
        using var receiver = new WebhookReceiver();
        using var bystander = new WebhookReceiver();
        var (organisationId, email, password) = await app.CompanyWithAdminAsync("Tested Hooks " + Guid.NewGuid().ToString()[..6]);
        using var admin = app.WithToken((await app.SignInAsync(email, password)).GetProperty("access_token").GetString()!);
        var hooks = $"/api/v1/organisations/{organisationId}/webhooks";
        var (hookId, secret) = await CreateAsync(admin, hooks, receiver.Url);
        await CreateAsync(admin, hooks, bystander.Url);

        for (var i = 0; i < 2; i++)
        {
            using var paused = await admin.PostAsync($"{hooks}/{hookId}/disable", null);
            var state = await paused.ExpectAsync(HttpStatusCode.OK);
            Assert.False(state.GetProperty("enabled").GetBoolean());
            Assert.Equal("Disabled by an administrator.", state.GetProperty("disabledReason").GetString());
        }

        using (var refused = await admin.PostAsync($"{hooks}/{hookId}/test", null))
        {
            Assert.Equal("Endpoint disabled", (await refused.ExpectAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        }

        using (var enabled = await admin.PostAsync($"{hooks}/{hookId}/enable", null))
        {
            Assert.True((await enabled.ExpectAsync(HttpStatusCode.OK)).GetProperty("enabled").GetBoolean());
        }

        using var queued = await admin.PostAsync($"{hooks}/{hookId}/test", null);
        var delivery = await queued.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal("webhook.test", delivery.GetProperty("eventType").GetString());
        Assert.Equal("pending", delivery.GetProperty("status").GetString());

        var arrived = await receiver.NextAsync();
        Assert.True(PartnerClient.WebhookVerifier.Verify(secret, arrived.Headers["Symbiosis-Signature"]!, arrived.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var body = JsonDocument.Parse(arrived.Body).RootElement;
        Assert.Equal("webhook.test", body.GetProperty("type").GetString());
        Assert.Equal(delivery.GetProperty("id").GetGuid(), body.GetProperty("id").GetGuid());
        Assert.Contains("received it", body.GetProperty("data").GetProperty("message").GetString(), StringComparison.Ordinal);

        var listed = await MarketplaceUnderTest.EventuallyAsync(async () =>
        {
            var items = (await admin.GetFromJsonAsync<JsonElement>($"{hooks}/{hookId}/deliveries")).GetProperty("items");
            return items.GetArrayLength() == 1 && items[0].GetProperty("status").GetString() == "succeeded" ? (JsonElement?)items[0] : null;
        });
        Assert.Equal(200, listed!.Value.GetProperty("attemptLog")[0].GetProperty("statusCode").GetInt32());
        Assert.Equal(0, bystander.Count);

        using var op = await app.OperatorClientAsync();
        using var foreign = await op.PostAsync($"/api/v1/organisations/{Guid.NewGuid()}/webhooks/{hookId}/test", null);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static async Task<(Guid Id, string Secret)> CreateAsync(HttpClient admin, string hooks, string url)
    {
        using var created = await admin.PostAsJsonAsync(hooks, new { url, eventTypes = new[] { "invoice.issued" } });
        var hook = await created.ExpectAsync(HttpStatusCode.Created);
        return (hook.GetProperty("id").GetGuid(), hook.GetProperty("secret").GetString()!);
    }
}
