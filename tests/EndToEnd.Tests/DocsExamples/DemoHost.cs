using System.Net.Http.Headers;

namespace EndToEnd.Tests.DocsExamples;

/// <summary>A standalone host in demo mode, as the README starts it, with one registered company and an operator token.</summary>
public sealed class DemoHost : IAsyncLifetime, IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "docs-examples-" + Guid.NewGuid().ToString("N"));
    private HostProcess? process;

    public string Url { get; } = $"http://127.0.0.1:{Repo.FreePort()}";

    public Guid Organisation { get; private set; }

    public string OperatorToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        process = new HostProcess("standalone-docs", Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone"), Url,
            new Dictionary<string, string>(), dataDir, "--demo", "--data-dir", dataDir);
        process.Start();
        await process.WaitReadyAsync(TimeSpan.FromSeconds(180));
        await process.WaitForLogAsync("Symbiosis Marketplace is running", TimeSpan.FromSeconds(120)); // the banner: demo data seeded and matched
        using var operatorClient = await Api.OperatorClientAsync(Url);
        OperatorToken = operatorClient.DefaultRequestHeaders.Authorization is AuthenticationHeaderValue { Parameter: { } token } ? token : "";
        Organisation = await Api.RegisterAsync(operatorClient, "Docs Paper Mill", "17.12");
    }

    public void Dispose() => process?.Dispose();

    public Task DisposeAsync()
    {
        process?.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopped host is left to the temp directory's cleanup.
        }

        return Task.CompletedTask;
    }
}
