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
}
