using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Testing;

/// <summary>
/// The standalone host in process: every module, the in-memory bus and real SQLite files in a fresh data directory,
/// with the demo operator client but no demo data. Test projects derive from it and add their own settings.
/// </summary>
public abstract class StandaloneFactory(string name) : WebApplicationFactory<StandaloneArguments>
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}");

    /// <summary>Settings applied after the defaults (a key given here wins).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Marketplace:DataDir", DataDir);
        builder.UseSetting("Marketplace:Demo", "true");
        builder.UseSetting("Marketplace:SeedDemoData", "false");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Task<HttpClient> OperatorClientAsync() => ClientAsync("demo-operator", "demo-operator-secret");

    /// <summary>A client carrying a client-credentials token of the given API client.</summary>
    public async Task<HttpClient> ClientAsync(string clientId, string secret)
    {
        var client = CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
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
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // the index may still hold a file briefly; the temp folder is cleaned by the OS
        }

        GC.SuppressFinalize(this);
    }
}

public static class Poll
{
    /// <summary>Asks <paramref name="probe"/> every 100 ms until it answers (not null); fails after the timeout (60 s).</summary>
    public static async Task<T> Eventually<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
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

    /// <summary>
    /// Reads <paramref name="read"/> every 100 ms until it has given the same value <paramref name="polls"/> times in a
    /// row (the state has settled) and returns that value; fails after the timeout (60 s).
    /// </summary>
    public static async Task<T> Settled<T>(Func<Task<T>> read, int polls, TimeSpan? timeout = null)
    {
        var (quiet, last) = (0, default(T));
        await Eventually(async () =>
        {
            var now = await read();
            (quiet, last) = EqualityComparer<T>.Default.Equals(now, last) ? (quiet + 1, now) : (0, now);
            return quiet >= polls ? "" : null;
        }, timeout);
        return last!;
    }
}
