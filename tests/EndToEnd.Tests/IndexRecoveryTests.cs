using Xunit.Abstractions;

namespace EndToEnd.Tests;

/// <summary>
/// The search index is a projection of Matching's stored listings: after a crash, the host rebuilds it before it
/// serves, whether the crash lost its last uncommitted writes or left segments that cannot be read (issue 11, point 8).
/// </summary>
public sealed class IndexRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_kill_9_and_with_unreadable_segments_the_host_rebuilds_its_index_and_serves()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "standalone-index-" + Guid.NewGuid().ToString("N"));
        var dll = Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone");
        var environment = new Dictionary<string, string>();
        var index = Path.Combine(dataDir, "matching-index");
        Guid offer, receiver;
        using (var host = Start("index-first", dll, environment, dataDir))
        {
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            using var client = await Api.OperatorClientAsync(host.Url);
            var supplier = await Api.RegisterAsync(client, "Recovery Steel", "24.10");
            receiver = await Api.RegisterAsync(client, "Recovery Cement", "23.51");
            offer = await Api.CreateListingAsync(client, supplier, "offer", "Ground granulated blast furnace slag", "GGBS from our blast furnace, ground to cement fineness.");
            while (!await Api.MatchingKnowsAsync(client, offer))
            {
                await Task.Delay(20);
            }

            host.Stop(); // kill -9 within the index's 5 s commit interval: the offer is in Matching's database only
        }

        using (var host = Start("index-unclean", dll, environment, dataDir))
        {
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            Assert.Contains("not closed cleanly", File.ReadAllText(host.LogFile), StringComparison.Ordinal);
            using var client = await Api.OperatorClientAsync(host.Url);
            var want = await Api.CreateListingAsync(client, receiver, "want", "Slag for blended cement", "We need ground slag (GGBS) to blend into CEM III cement.");
            await Api.WaitForMatchAsync(client, want, offer, TimeSpan.FromSeconds(60)); // the offer is a candidate again
            host.Stop();
        }

        // a crash that left the commit point unreadable ("read past EOF: .../segments_1")
        var segments = Directory.GetFiles(index, "segments_*");
        Assert.NotEmpty(segments);
        foreach (var file in segments)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
            stream.SetLength(Math.Min(stream.Length, 12));
        }

        using (var host = Start("index-unreadable", dll, environment, dataDir))
        {
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            var log = File.ReadAllText(host.LogFile);
            Assert.Contains("could not be opened", log, StringComparison.Ordinal);
            output.WriteLine(log.Split('\n').First(l => l.Contains("could not be opened", StringComparison.Ordinal)));
            Assert.Single(Directory.GetDirectories(dataDir, "matching-index.unreadable-*"));
            using var client = await Api.OperatorClientAsync(host.Url);
            var want = await Api.CreateListingAsync(client, receiver, "want", "GGBS wanted", "Ground granulated blast furnace slag for our cement mill.");
            await Api.WaitForMatchAsync(client, want, offer, TimeSpan.FromSeconds(60));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    private static HostProcess Start(string name, string dll, Dictionary<string, string> environment, string dataDir)
    {
        var host = new HostProcess(name, dll, $"http://127.0.0.1:{Repo.FreePort()}", environment, dataDir, "--demo", "--no-demo", "--data-dir", dataDir);
        host.Start();
        return host;
    }
}
