using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace EndToEnd.Tests;

/// <summary>
/// <c>kill -9</c> of the standalone host in the middle of a burst of listing writes, then a restart on the same data
/// directory: every write that was answered 201 must reach Matching (issue 11, point 1).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Writes = 240;
    private const int KillAfter = 100;

    [Fact]
    public async Task Every_listing_acknowledged_before_a_kill_9_reaches_matching_after_the_restart()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "standalone-crash-" + Guid.NewGuid().ToString("N"));
        var dll = Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone");
        var environment = new Dictionary<string, string> { ["Edge__RateLimit__Enabled"] = "false" };
        var acknowledged = new ConcurrentBag<Guid>();
        using (var host = new HostProcess("crash-before", dll, $"http://127.0.0.1:{Repo.FreePort()}", environment, dataDir, "--demo", "--no-demo", "--data-dir", dataDir))
        {
            host.Start();
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            using var client = await Api.OperatorClientAsync(host.Url);
            var supplier = await Api.RegisterAsync(client, "Crash Steel", "24.10");
            var receiver = await Api.RegisterAsync(client, "Crash Cement", "23.51");

            using var killed = new CancellationTokenSource();
            await Parallel.ForEachAsync(Enumerable.Range(0, Writes), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                if (killed.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    var id = await CreateAsync(client, i % 2 == 0 ? supplier : receiver, i, killed.Token);
                    if (id is { } created)
                    {
                        acknowledged.Add(created);
                        if (acknowledged.Count == KillAfter)
                        {
                            host.Stop(); // SIGKILL: no shutdown, no flush
                            killed.Cancel();
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    // cut off by the kill: not acknowledged, so not counted
                }
            });
        }

        output.WriteLine($"acknowledged before the kill: {acknowledged.Count}");
        Assert.True(acknowledged.Count >= KillAfter, $"only {acknowledged.Count} writes were acknowledged");

        using (var host = new HostProcess("crash-after", dll, $"http://127.0.0.1:{Repo.FreePort()}", environment, dataDir, "--demo", "--no-demo", "--data-dir", dataDir))
        {
            host.Start();
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            using var client = await Api.OperatorClientAsync(host.Url);

            // positive barrier: poll until Matching knows every acknowledged listing, or the bound passes
            var missing = acknowledged.ToHashSet();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (missing.Count > 0 && DateTime.UtcNow < deadline)
            {
                foreach (var id in missing.ToList())
                {
                    if (await Api.MatchingKnowsAsync(client, id))
                    {
                        missing.Remove(id);
                    }
                }

                if (missing.Count > 0)
                {
                    await Task.Delay(250);
                }
            }

            output.WriteLine($"acknowledged listings never reached Matching after the restart: {missing.Count} of {acknowledged.Count}");
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged listings never reached Matching. {host.Tail()}");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    private static async Task<Guid?> CreateAsync(HttpClient client, Guid organisationId, int i, CancellationToken cancellationToken)
    {
        var offer = i % 2 == 0;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/listings")
        {
            Content = JsonContent.Create(new
            {
                organisationId,
                kind = offer ? "offer" : "want",
                resourceClass = "material",
                title = offer ? $"Ground granulated blast furnace slag lot {i}" : $"Slag for blended cement, batch {i}",
                description = offer ? "GGBS from our blast furnace, ground to cement fineness." : "We need ground slag (GGBS) to blend into CEM III cement.",
                quantity = new { amount = 100 + i, unit = "t", per = "year" },
                location = new { lat = 55.6, lon = 11.1, country = "DK" },
            }),
        };
        request.Headers.Add("Idempotency-Key", $"crash-{i}");
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }
}
