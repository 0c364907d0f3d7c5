using System.Net;
using System.Net.Http.Json;

namespace EndToEnd.Tests;

/// <summary>
/// Every IDE starts web projects in Development, where ASP.NET Core validates service scopes (a scoped service
/// resolved from the root provider throws). The real host is started that way and used through the idempotency store.
/// </summary>
public sealed class DevelopmentHostTests
{
    [Fact]
    public async Task The_standalone_host_starts_in_Development_with_scope_validation_and_serves_idempotent_writes()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "standalone-dev-" + Guid.NewGuid().ToString("N"));
        var url = $"http://127.0.0.1:{Repo.FreePort()}";
        using var host = new HostProcess("standalone-development", Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone"), url,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, dataDir, "--no-demo", "--data-dir", dataDir);
        host.Start();
        await host.WaitReadyAsync(TimeSpan.FromSeconds(180));

        // Development implies demo mode: the demo client exists without --demo.
        using var client = await Api.OperatorClientAsync(url);
        var key = Guid.NewGuid().ToString();
        Task<HttpResponseMessage> Register() => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations")
        {
            Content = JsonContent.Create(new { name = "Development Steel", naceCode = "24.10", country = "DK" }),
            Headers = { { "Idempotency-Key", key } },
        });
        using var first = await Register();
        using var replay = await Register();
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.DoesNotContain("from root provider", File.ReadAllText(host.LogFile), StringComparison.Ordinal);

        host.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }
}
