using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>The partner sample of docs/partners.md, run as a process against a real host, so it cannot rot.</summary>
public sealed class PartnerSampleTests
{
    [Fact]
    public async Task The_partner_sample_runs_its_tour_against_a_real_host()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "partner-sample-" + Guid.NewGuid().ToString("N"));
        var url = $"http://127.0.0.1:{Repo.FreePort()}";
        using var host = new HostProcess("standalone-partner", Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone"), url,
            new Dictionary<string, string>(), dataDir, "--demo", "--no-demo", "--data-dir", dataDir);
        host.Start();
        await host.WaitReadyAsync(TimeSpan.FromSeconds(180));

        // As docs/partners.md section 1: a client of the partner's company, created through the API.
        using var operatorClient = await Api.OperatorClientAsync(url);
        var company = await Api.RegisterAsync(operatorClient, "Partner Power", "35.11");
        using var created = await operatorClient.PostAsJsonAsync($"/api/v1/organisations/{company}/clients",
            new { name = "Partner app", scopes = new[] { "listings.read", "listings.write", "matches.read" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();

        var run = await HostCommand.RunAsync(Repo.Dll("samples/PartnerClient", "PartnerClient"), null, null,
            "api", url, client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("token for listings.read listings.write matches.read", run.Output, StringComparison.Ordinal);
        Assert.Contains("attempt 2: 201 (replayed)", run.Output, StringComparison.Ordinal);
        Assert.Contains("bad input: 400", run.Output, StringComparison.Ordinal);

        host.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }
}
