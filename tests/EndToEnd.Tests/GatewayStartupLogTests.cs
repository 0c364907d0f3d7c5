using System.Net;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests;

/// <summary>
/// What the gateway writes while the services behind it come up: one warning per service that is not there yet and
/// one line when it is, not every failed readiness probe with its retries and stack traces (490 to 600 lines at a
/// distributed start before).
/// </summary>
public sealed partial class GatewayStartupLogTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "gateway-log-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Services_that_are_not_up_yet_cost_one_warning_each_and_one_line_when_they_answer()
    {
        var ports = new[] { "identity", "listings", "matching", "brokerage", "portal" }.ToDictionary(s => s, _ => Repo.FreePort());
        var environment = new Dictionary<string, string>
        {
            ["Marketplace__Mode"] = "distributed",
            ["Auth__Authority"] = $"http://127.0.0.1:{ports["identity"]}/",
            ["Auth__MetadataAddress"] = $"http://127.0.0.1:{ports["identity"]}/.well-known/openid-configuration",
        };
        foreach (var (service, port) in ports)
        {
            environment[$"ReverseProxy__Clusters__{service}__Destinations__d1__Address"] = $"http://127.0.0.1:{port}/";
        }

        var url = $"http://127.0.0.1:{Repo.FreePort()}";
        using var gateway = new HostProcess("gateway", Repo.Dll("gateway/Gateway", "Gateway"), url, environment, dataDir);
        gateway.Start();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        await Poll.Eventually(async () =>
        {
            try
            {
                using var live = await http.GetAsync("/health/live");
                return live.IsSuccessStatusCode ? "live" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(60));

        for (var probe = 0; probe < 6; probe++)
        {
            using var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        // Identity comes up: a readiness endpoint on its port.
        using var identity = new HttpListener { Prefixes = { $"http://127.0.0.1:{ports["identity"]}/" } };
        identity.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (identity.IsListening)
                {
                    var context = await identity.GetContextAsync();
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // stopped at the end of the test
            }
        });
        for (var probe = 0; probe < 3; probe++)
        {
            using var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        await gateway.WaitForLogAsync("identity at", TimeSpan.FromSeconds(10));
        var log = File.ReadAllText(gateway.LogFile);
        // ASP.NET Core warns once, on a machine's first start, that the data-protection key it has just created is stored
        // unencrypted: whether that happens here depends on which test process started first, and it is not about waiting
        var warnings = Entries(log, "warn").Where(w => !w.StartsWith("warn: Microsoft.AspNetCore.DataProtection.", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == ports.Count, $"{warnings.Count} warnings, {ports.Count} expected (one per service and the portal):\n{log}");
        Assert.All(ports.Keys, service => Assert.Single(warnings, w => w.Contains($"Waiting for {service} ", StringComparison.Ordinal)));
        Assert.Empty(Entries(log, "fail"));
        Assert.DoesNotMatch(StackFrame(), log);
        Assert.Single(Entries(log, "info"), i => i.Contains("identity at", StringComparison.Ordinal) && i.Contains("is ready", StringComparison.Ordinal));
    }

    /// <summary>The console logger's entries of one level: the level line and the message line under it.</summary>
    private static List<string> Entries(string log, string level) =>
        [.. Regex.Matches(log, $@"^{level}: [^\n]*\n[^\n]*", RegexOptions.Multiline).Select(m => m.Value)];

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
