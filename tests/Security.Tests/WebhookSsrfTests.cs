using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Identity.Data;
using Marketplace.Identity.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Security.Tests;

/// <summary>
/// Webhook targets that name this machine in any spelling are refused where local receivers are not allowed: at
/// registration (problem naming <c>url</c>) and, whatever the name resolves to later, at connect time.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed class WebhookSsrfTests(InProcessMarketplace marketplace)
{
    /// <summary>Names and spellings of this machine: trailing dot, single label, short, hex, decimal, octal, IPv6, IPv4-mapped.</summary>
    public static readonly string[] LocalHosts =
        ["localhost", "localhost.", Dns.GetHostName(), "127.1", "0x7f.1", "2130706433", "0177.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "127.0.0.1", "0.0.0.0"];

    [Fact]
    public async Task The_dispatchers_connection_refuses_every_name_of_this_machine_and_nothing_reaches_a_local_listener()
    {
        using var listener = new LocalListener();
        using var http = new HttpClient(WebhookHttp.CreateHandler(new WebhookOptions { AllowInsecureUrls = false })) { Timeout = TimeSpan.FromSeconds(10) };
        var reachedBy = new List<string>();
        var otherwise = new List<string>();
        var refused = 0;
        foreach (var host in LocalHosts)
        {
            try
            {
                using var response = await http.PostAsync($"http://{host}:{listener.Port}/hook", new StringContent("{}"));
                reachedBy.Add(host);
            }
            catch (HttpRequestException ex) when (ex.InnerException is WebhookTargetRefusedException)
            {
                refused++;
            }
            catch (HttpRequestException ex)
            {
                otherwise.Add($"{host}: {ex.Message}");
            }
        }

        Assert.True(reachedBy.Count == 0 && listener.Reached == 0, $"Reached the local listener through: {string.Join(", ", reachedBy)}");
        Assert.True(refused == LocalHosts.Length, $"Refused {refused} of {LocalHosts.Length}; failed otherwise: {string.Join("; ", otherwise)}");
    }

    /// <summary>
    /// Endpoints whose names lead to this machine, as if they had resolved to a public address when registered (DNS
    /// rebinding): every delivery is checked again when it connects. The same rows with local receivers allowed
    /// reach the listener, so the check is what stops them.
    /// </summary>
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 4)]
    public async Task Every_delivery_is_checked_when_it_connects(bool allowLocal, int expectedReached)
    {
        using var listener = new LocalListener();
        var (organisationId, _, _) = await marketplace.CompanyWithAdminAsync("Rebound " + Guid.NewGuid().ToString()[..6]);
        var services = marketplace.Factory.Services;
        // Twenty years ahead: out of reach of the other dispatchers the tests drive (ten years ahead) and of the host's own.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(20));
        var at = clock.GetUtcNow().UtcDateTime;
        var endpoints = new List<Guid>();
        foreach (var host in new[] { "127.1", "[::1]", "0x7f.1", Dns.GetHostName() })
        {
            endpoints.Add(await WebhookRows.AddEndpointAsync(services, organisationId, $"http://{host}:{listener.Port}/hook", 1, at));
        }

        using var dispatcher = new WebhookDispatcher(services, Options.Create(new WebhookOptions { AllowInsecureUrls = allowLocal }), clock, NullLogger<WebhookDispatcher>.Instance);
        var sent = 0;
        while (await dispatcher.RunOnceAsync(CancellationToken.None) is var n and > 0)
        {
            sent += n;
        }

        Assert.True(sent >= endpoints.Count, $"{sent} attempts");
        Assert.Equal(expectedReached, listener.Reached);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDataContext>();
        var errors = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => endpoints.Contains(d.EndpointId)).SelectMany(d => d.AttemptLog).Select(a => a.Error).ToListAsync();
        await db.WebhookDeliveries.Where(d => endpoints.Contains(d.EndpointId)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Failed));
        Assert.All(errors, e => Assert.Equal(!allowLocal, e?.StartsWith("Refused: ", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Local_receivers_stay_reachable_where_they_are_allowed()
    {
        using var listener = new LocalListener();
        using var http = new HttpClient(WebhookHttp.CreateHandler(new WebhookOptions { AllowInsecureUrls = true }));
        using var response = await http.PostAsync($"http://127.0.0.1:{listener.Port}/hook", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, listener.Reached);
    }

    [Fact]
    public async Task Registration_refuses_every_name_of_this_machine_naming_url()
    {
        var (organisationId, _, _) = await marketplace.CompanyWithAdminAsync("Ssrf Probe " + Guid.NewGuid().ToString()[..6]);
        using var strict = marketplace.Factory.WithWebHostBuilder(b => b
            .UseSetting("Webhooks:AllowInsecureUrls", "false")
            .UseSetting("Search:IndexDirectory", Path.Combine(Path.GetTempPath(), "security-ssrf-index-" + Guid.NewGuid().ToString("N"))));
        using var op = strict.CreateClient();
        op.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await marketplace.OperatorTokenAsync());
        var accepted = new List<string>();
        foreach (var host in LocalHosts.Concat(["169.254.169.254", "[fd00:ec2::254]", "100.64.0.1", "[fe80::1]", "224.0.0.1", "[fd12:3456::1]"]))
        {
            using var response = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks",
                new { url = $"https://{host}:8443/hook", eventTypes = new[] { "match.suggested" } });
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{host} ({(int)response.StatusCode})");
                continue;
            }

            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), problem.ToString());
        }

        Assert.True(accepted.Count == 0, $"Accepted: {string.Join(", ", accepted)}");
        using var literalPublic = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks",
            new { url = "https://93.184.215.14/hook", eventTypes = new[] { "match.suggested" } });
        Assert.Equal(HttpStatusCode.Created, literalPublic.StatusCode);
    }
}
