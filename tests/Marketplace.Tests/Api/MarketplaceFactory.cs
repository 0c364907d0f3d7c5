using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Tests.Api;

/// <summary>The standalone host in process: every service, in-memory bus, real SQLite files in a fresh directory.</summary>
public sealed class MarketplaceFactory : WebApplicationFactory<StandaloneArguments>
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "marketplace-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Marketplace:DataDir", dataDir);
        builder.UseSetting("Marketplace:Demo", "true");
        builder.UseSetting("Marketplace:SeedDemoData", "false");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
    }

    public async Task<HttpClient> OperatorClientAsync()
    {
        var client = CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-operator",
            ["client_secret"] = "demo-operator-secret",
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // the index may still hold a file briefly; the temp folder is cleaned by the OS
        }
    }
}

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<T> Eventually<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected state was not reached in time.");
            }

            await Task.Delay(100);
        }
    }
}
