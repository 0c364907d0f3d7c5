using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace EndToEnd.Tests;

public static class Repo
{
    public static readonly string Root = FindRoot();

    /// <summary>Debug or Release: whatever this test assembly was built as.</summary>
    public static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Dll(string projectDir, string name) =>
        Path.Combine(Root, projectDir, "bin", Configuration, "net10.0", name + ".dll");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Marketplace.slnx) not found.");
    }
}

/// <summary>A host started as its own OS process with <c>dotnet app.dll</c>, its output kept in a log file.</summary>
public sealed class HostProcess(string name, string dll, string url, IReadOnlyDictionary<string, string> environment, string logDir, params string[] args) : IDisposable
{
    private Process? process;

    public string Name => name;
    public string Url => url;
    public string LogFile => Path.Combine(logDir, $"{name}.log");

    public void Start()
    {
        Directory.CreateDirectory(logDir);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {Tail()}");
            }

            try
            {
                using var response = await http.GetAsync($"{url}/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} was not ready within {timeout}: {Tail()}");
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10000);
        }

        process?.Dispose();
        process = null;
    }

    public string Tail() => File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(30)) : "(no log)";

    public void Dispose() => Stop();
}

public static class Api
{
    public static async Task<HttpClient> OperatorClientAsync(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-operator",
            ["client_secret"] = "demo-operator-secret",
        }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<Guid> RegisterAsync(HttpClient client, string name, string nace)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = nace, country = "DK" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateListingAsync(HttpClient client, Guid organisationId, string kind, string title, string description)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/listings", new
        {
            organisationId,
            kind,
            resourceClass = "material",
            title,
            description,
            quantity = new { amount = 1000, unit = "t", per = "year" },
            location = new { lat = 55.6, lon = 11.1, country = "DK" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the want's suggestions until the offer is among them; returns the elapsed time.</summary>
    public static async Task<TimeSpan> WaitForMatchAsync(HttpClient client, Guid want, Guid offer, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            using var response = await client.GetAsync($"/api/v1/listings/{want}/matches?limit=10");
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (body.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("listingId").GetGuid() == offer))
                {
                    return watch.Elapsed;
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Offer {offer} did not appear in the matches of {want} within {timeout}.");
    }

    /// <summary>True once Matching knows the listing (its matches answer 200 rather than 404).</summary>
    public static async Task<bool> MatchingKnowsAsync(HttpClient client, Guid listing)
    {
        using var response = await client.GetAsync($"/api/v1/listings/{listing}/matches?limit=1");
        return response.IsSuccessStatusCode;
    }
}

/// <summary>
/// Runs only where a RabbitMQ broker answers on localhost:5672. CI sets MARKETPLACE_REQUIRE_RABBITMQ=1, which turns a
/// missing broker into a failure instead of a skip.
/// </summary>
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute()
    {
        if (!RabbitMq.Available() && Environment.GetEnvironmentVariable("MARKETPLACE_REQUIRE_RABBITMQ") != "1")
        {
            Skip = "Skipped: no RabbitMQ on localhost:5672 (install rabbitmq-server and run `rabbitmq-server -detached`, as .ci/run does).";
        }
    }
}

public static class RabbitMq
{
    public static bool Available()
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", 5672).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (Exception ex) when (ex is SocketException or AggregateException)
        {
            return false;
        }
    }

    /// <summary>
    /// A broker outage for one virtual host: the guest user loses its permissions there (reconnects are refused) and
    /// every open connection to it is closed. Other virtual hosts, and so other test runs, are not touched.
    /// </summary>
    public static bool BeginOutage(string vhost) =>
        vhost != "/"
        && Ctl("clear_permissions", "-p", vhost, "guest").ExitCode == 0
        && Ctl("close_all_connections", "--vhost", vhost, "--limit", "1000", "marketplace fault test: broker outage").ExitCode == 0;

    public static void EndOutage(string vhost) =>
        Assert.Equal(0, Ctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*").ExitCode);

    /// <summary>rabbitmqctl, for a private virtual host per run and for the broker outage.</summary>
    public static (int ExitCode, string Output) Ctl(params string[] args)
    {
        var info = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(60000);
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
