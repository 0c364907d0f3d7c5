namespace EndToEnd.Tests;

/// <summary>What an administrator sees when a host cannot start, and what the banner of one that can tells.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "startup-" + Guid.NewGuid().ToString("N"));
    private static string Standalone => Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone");

    [Theory]
    [InlineData("standalone/Marketplace.Standalone", "Marketplace.Standalone", "marketplace")]
    [InlineData("services/Identity/Identity.Api", "Identity.Api", "identity")]
    public async Task Without_a_signing_certificate_a_production_host_says_so_in_one_line_and_exits_1(string project, string name, string host)
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Marketplace__DataDir"] = dataDir };
        var run = await HostCommand.RunAsync(Repo.Dll(project, name), environment, null, "--urls", $"http://127.0.0.1:{Repo.FreePort()}");

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Output}");
        var line = Assert.Single(Lines(run.Output));
        Assert.StartsWith($"{host} did not start: Identity:SigningCertificatePath is required", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_is_named_in_one_line()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Marketplace__DataDir"] = dataDir, ["Identity__SigningCertificatePath"] = "/nonexistent/signing.pfx",
        };
        var run = await HostCommand.RunAsync(Standalone, environment, null, "--urls", $"http://127.0.0.1:{Repo.FreePort()}");

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Output}");
        Assert.StartsWith("marketplace did not start: Identity:SigningCertificatePath '/nonexistent/signing.pfx' could not be read", Assert.Single(Lines(run.Output)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_host_on_an_index_in_use_exits_1_with_one_line_and_the_banner_of_the_first_is_true()
    {
        var url = $"http://127.0.0.1:{Repo.FreePort()}";
        using var first = new HostProcess("standalone-banner", Standalone, url, new Dictionary<string, string>(), dataDir, "--demo", "--no-demo", "--data-dir", dataDir);
        first.Start();
        await first.WaitReadyAsync(TimeSpan.FromSeconds(180));
        var banner = await WaitForLogAsync(first, "Symbiosis Marketplace is running");
        Assert.Contains($"{url}/scalar/v1", banner, StringComparison.Ordinal);
        Assert.Contains("docs/operations.md", banner, StringComparison.Ordinal);
        Assert.Contains("client_id=demo-operator", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo sign-ins", banner, StringComparison.Ordinal); // --no-demo seeded no demo people
        Assert.DoesNotContain("@demo.symbiosis.local", banner, StringComparison.Ordinal);

        var second = await HostCommand.RunAsync(Standalone, null, null, "--demo", "--no-demo", "--data-dir", dataDir, "--urls", $"http://127.0.0.1:{Repo.FreePort()}");
        Assert.True(second.ExitCode == 1, $"exit {second.ExitCode}: {second.Output}");
        Assert.DoesNotContain("   at ", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", second.Output, StringComparison.Ordinal);
        var failure = Assert.Single(Lines(second.Output), l => l.Contains("did not start", StringComparison.Ordinal));
        Assert.Contains("is in use by another process", failure, StringComparison.Ordinal);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<string> WaitForLogAsync(HostProcess host, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var log = File.ReadAllText(host.LogFile);
            var at = log.IndexOf(text, StringComparison.Ordinal);
            // the banner is complete once its closing blank line after the last entry is written
            if (at >= 0 && log.IndexOf("\n\n", at, StringComparison.Ordinal) > 0)
            {
                return log[at..];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"'{text}' not in the log of {host.Name}: {host.Tail()}");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
