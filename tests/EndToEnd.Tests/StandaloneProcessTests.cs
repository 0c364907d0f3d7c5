using System.Diagnostics;
using Xunit.Abstractions;

namespace EndToEnd.Tests;

public sealed class StandaloneProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_standalone_host_starts_seeds_demo_data_and_serves_the_slice_over_http()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "standalone-e2e-" + Guid.NewGuid().ToString("N"));
        var url = $"http://127.0.0.1:{Repo.FreePort()}";
        using var host = new HostProcess("standalone", Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone"), url,
            new Dictionary<string, string> { ["Outbox__PollInterval"] = "00:00:01" }, dataDir, "--demo", "--data-dir", dataDir);

        var watch = Stopwatch.StartNew();
        host.Start();
        await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
        output.WriteLine($"standalone cold start to ready: {watch.ElapsedMilliseconds} ms");

        // The demo seeding finishes shortly after start and prints the demo client.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(Path.Combine(dataDir, "demo-seeded")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(Path.Combine(dataDir, "demo-seeded")), host.Tail());
        await Task.Delay(200);
        Assert.Contains("client_id=demo-operator", File.ReadAllText(host.LogFile));

        using var client = await Api.OperatorClientAsync(url);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var plans = await client.GetStringAsync($"/api/v1/fee-plans?code=standard&inForceOn={today}");
        Assert.Contains("\"code\":\"standard\"", plans); // the demo's fee plan is in force today, so the docs' terms example works
        var supplier = await Api.RegisterAsync(client, "E2E Steel", "24.10");
        var receiver = await Api.RegisterAsync(client, "E2E Cement", "23.51");
        var offer = await Api.CreateListingAsync(client, supplier, "offer", "Ground granulated blast furnace slag", "GGBS from our blast furnace, ground to cement fineness.");
        var want = await Api.CreateListingAsync(client, receiver, "want", "Slag for blended cement", "We need ground slag (GGBS) to blend into CEM III cement.");
        var latency = await Api.WaitForMatchAsync(client, want, offer, TimeSpan.FromSeconds(60));
        output.WriteLine($"standalone POST want -> offer in its matches: {latency.TotalMilliseconds:0} ms");

        host.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Reindex_rebuilds_a_lost_search_index_and_neither_it_nor_a_second_host_opens_an_index_in_use()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "standalone-reindex-" + Guid.NewGuid().ToString("N"));
        var dll = Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone");
        var environment = new Dictionary<string, string> { ["Outbox__PollInterval"] = "00:00:01" };
        var url = $"http://127.0.0.1:{Repo.FreePort()}";
        Guid offer, receiver;
        using (var host = new HostProcess("standalone-before", dll, url, environment, dataDir, "--demo", "--no-demo", "--data-dir", dataDir))
        {
            host.Start();
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            using var client = await Api.OperatorClientAsync(url);
            var supplier = await Api.RegisterAsync(client, "Reindex Steel", "24.10");
            receiver = await Api.RegisterAsync(client, "Reindex Cement", "23.51");
            offer = await Api.CreateListingAsync(client, supplier, "offer", "Ground granulated blast furnace slag", "GGBS from our blast furnace, ground to cement fineness.");
            var want = await Api.CreateListingAsync(client, receiver, "want", "Slag for blended cement", "We need ground slag (GGBS) to blend into CEM III cement.");
            await Api.WaitForMatchAsync(client, want, offer, TimeSpan.FromSeconds(60));

            var refused = await RunAsync(dll, "reindex", "--demo", "--data-dir", dataDir);
            Assert.True(refused.ExitCode == 1, $"reindex beside a running host exited {refused.ExitCode}: {refused.Output}");
            Assert.Contains("Stop that host", refused.Output, StringComparison.Ordinal);

            // nor does a second host start on the same data directory
            using var second = new HostProcess("standalone-second", dll, $"http://127.0.0.1:{Repo.FreePort()}", environment, dataDir, "--demo", "--no-demo", "--data-dir", dataDir);
            second.Start();
            var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => second.WaitReadyAsync(TimeSpan.FromSeconds(120)));
            Assert.Contains("exited", failed.Message, StringComparison.Ordinal);
            Assert.Contains("in use by another process", File.ReadAllText(second.LogFile), StringComparison.Ordinal);
            await Api.WaitForMatchAsync(client, want, offer, TimeSpan.FromSeconds(10)); // the first host still serves
        }

        Directory.Delete(Path.Combine(dataDir, "matching-index"), recursive: true); // the index is lost

        var rebuilt = await RunAsync(dll, "reindex", "--demo", "--data-dir", dataDir);
        Assert.True(rebuilt.ExitCode == 0, $"reindex exited {rebuilt.ExitCode}: {rebuilt.Output}");
        Assert.Matches(@"Reindexed [2-9]\d* published listings", rebuilt.Output);

        url = $"http://127.0.0.1:{Repo.FreePort()}";
        using (var host = new HostProcess("standalone-after", dll, url, environment, dataDir, "--demo", "--no-demo", "--data-dir", dataDir))
        {
            host.Start();
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            using var client = await Api.OperatorClientAsync(url);

            // a new want finds the offer published before the index was lost: it is a candidate again
            var want = await Api.CreateListingAsync(client, receiver, "want", "GGBS wanted", "Ground granulated blast furnace slag for our cement mill.");
            await Api.WaitForMatchAsync(client, want, offer, TimeSpan.FromSeconds(60));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Migrate_as_the_first_argument_creates_every_database_and_exits_like_a_service_host()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "standalone-migrate-" + Guid.NewGuid().ToString("N"));
        var run = await RunAsync(Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone"), "migrate", "--demo", "--data-dir", dataDir);

        Assert.True(run.ExitCode == 0, $"migrate exited {run.ExitCode}: {run.Output}");
        Assert.Contains("Migrations applied.", run.Output, StringComparison.Ordinal);
        foreach (var database in new[] { "identity", "listings", "matching", "brokerage", "idempotency" })
        {
            Assert.True(File.Exists(Path.Combine(dataDir, database + ".db")), $"{database}.db missing: {run.Output}");
        }

        Assert.False(File.Exists(Path.Combine(dataDir, "demo-seeded")), "migrate only migrates: no demo data");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string dll, params string[] args) => HostCommand.RunAsync(dll, null, null, args);
}
