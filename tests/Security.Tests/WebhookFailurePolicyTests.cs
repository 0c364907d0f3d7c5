using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Identity.Data;
using Marketplace.Identity.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Security.Tests;

/// <summary>
/// The failure policy on a fake clock: a dispatcher of the running host's services, with the production schedule,
/// sends real requests to a receiver that answers 500. Its deliveries are dated ten years ahead, so the host's own
/// dispatcher (on the real clock) never takes them.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed class WebhookFailurePolicyTests(InProcessMarketplace marketplace, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_endpoint_failing_every_delivery_of_18_events_is_disabled_only_after_24_hours_then_re_enabled_delivers_them()
    {
        using var receiver = new WebhookReceiver { Status = HttpStatusCode.InternalServerError };
        var (organisationId, _, _) = await marketplace.CompanyWithAdminAsync("Down Receiver " + Guid.NewGuid().ToString()[..6]);
        var services = marketplace.Factory.Services;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(10));
        var start = clock.GetUtcNow().UtcDateTime;
        var endpointId = await WebhookRows.AddEndpointAsync(services, organisationId, receiver.Url, 18, start);

        using var dispatcher = new WebhookDispatcher(services, Options.Create(new WebhookOptions { AllowInsecureUrls = true }), clock, NullLogger<WebhookDispatcher>.Instance);
        var attempts = 0;
        while (await EnabledAsync(services, endpointId) && clock.GetUtcNow().UtcDateTime - start < TimeSpan.FromHours(26))
        {
            while (await dispatcher.RunOnceAsync(CancellationToken.None) is var sent and > 0)
            {
                attempts += sent;
            }

            clock.Advance(Step);
        }

        var disabledAfter = clock.GetUtcNow().UtcDateTime - start - Step;
        Assert.True(disabledAfter >= TimeSpan.FromHours(24) && disabledAfter <= TimeSpan.FromHours(24) + Step,
            $"Disabled after {disabledAfter} and {attempts} attempts across 18 deliveries.");
        output.WriteLine($"Disabled after {disabledAfter} and {attempts} attempts across 18 deliveries.");

        using var op = await marketplace.OperatorClientAsync();
        var hook = (await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks")).GetProperty("items")[0];
        Assert.False(hook.GetProperty("enabled").GetBoolean());
        Assert.Contains("24 hours", hook.GetProperty("disabledReason").GetString());
        var deliveries = (await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks/{endpointId}/deliveries")).GetProperty("items");
        foreach (var delivery in deliveries.EnumerateArray())
        {
            // Counted per delivery: each one ran its own schedule, up to its last attempt at the end of its window.
            var log = delivery.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("attemptedAt").GetDateTime()).ToList();
            Assert.Equal(log.Count, delivery.GetProperty("attempts").GetInt32());
            Assert.InRange(log.Count, 16, 20);
            Assert.InRange(log[^1] - start, TimeSpan.FromHours(24), TimeSpan.FromHours(24) + Step);
        }

        // Re-enabled against a receiver that works again, the host's dispatcher sends what was still pending.
        receiver.Status = HttpStatusCode.OK;
        using var enabled = await op.PostAsync($"/api/v1/organisations/{organisationId}/webhooks/{endpointId}/enable", null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var pending = deliveries.EnumerateArray().Count(d => d.GetProperty("status").GetString() == DeliveryStatus.Pending);
        for (var i = 0; i < pending; i++)
        {
            await receiver.NextAsync();
        }
    }

    private static async Task<bool> EnabledAsync(IServiceProvider services, Guid endpointId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDataContext>().WebhookEndpoints.AsNoTracking()
            .Where(e => e.Id == endpointId).Select(e => e.Enabled).SingleAsync();
    }
}
