using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

// Gateway overhead on a real read endpoint that queries the database (GET /api/v1/organisations/{id} in Identity),
// directly and through the YARP gateway (all edge policies + token validation at the edge), with a closed-loop load
// generator on loopback; then the cost of validating one access token.
// Two questions, two kinds of run:
//  - added latency: few loops (1 and 4), so nothing queues and p50 is the time a request takes, not concurrency/throughput;
//  - throughput: many loops (32), everything saturated; only req/s is meaningful there.
// Each is alternating rounds (direct, gateway, direct, ...) with the median round reported, since the machine is shared.
//   dotnet run -c Release --project bench/Gateway.Bench -- [--seconds 10] [--latency-seconds 5] [--concurrency 32] [--rounds 3] [--ablate] [--compare-root DIR]
// --ablate also starts gateways with one piece switched off each (telemetry, edge token validation, rate limiter) and
// measures their throughput next to the full one: a profile by subtraction. Those are diagnostics, never the result.
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var seconds = int.Parse(Option("--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
var latencySeconds = int.Parse(Option("--latency-seconds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
var concurrency = int.Parse(Option("--concurrency") ?? "32", System.Globalization.CultureInfo.InvariantCulture);
var roundCount = int.Parse(Option("--rounds") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
var ablate = args.Contains("--ablate");
var compareRoot = Option("--compare-root"); // another checkout (built in the same configuration) whose gateway runs as one more variant
var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
var root = FindRoot();
var dataDir = Path.Combine(Path.GetTempPath(), "gateway-bench-" + Guid.NewGuid().ToString("N")[..8]);
int identityPort = FreePort(), gatewayPort = FreePort();
var identityUrl = $"http://127.0.0.1:{identityPort}";
var gatewayUrl = $"http://127.0.0.1:{gatewayPort}";

var common = new Dictionary<string, string>
{
    ["Marketplace__Demo"] = "true",
    ["Marketplace__DataDir"] = dataDir,
    ["Identity__Issuer"] = gatewayUrl + "/",
    ["Auth__Authority"] = gatewayUrl + "/",
    ["Auth__MetadataAddress"] = identityUrl + "/.well-known/openid-configuration",
    ["Logging__LogLevel__Default"] = "Warning",
    // The limiter runs (it is part of the edge); its limits are set far above what one bench client can ask.
    ["Edge__RateLimit__PermitsPerSecond"] = "1000000",
    ["Edge__RateLimit__BurstSize"] = "1000000",
    ["Edge__RateLimit__TokenEndpointPermitsPerMinute"] = "1000",
    ["ReverseProxy__Clusters__identity__Destinations__d1__Address"] = identityUrl + "/",
};
var processes = new List<Process>();
AppDomain.CurrentDomain.ProcessExit += (_, _) => // also on SIGTERM: no orphaned hosts
{
    foreach (var process in processes)
    {
        try { Stop(process); } catch (InvalidOperationException) { } // already stopped and disposed
    }
};
var proxies = new Dictionary<string, Process>(); // gateway URL -> its process, for CPU accounting
using var identity = Start("services/Identity/Identity.Api", "Identity.Api", identityUrl);
await WaitReadyAsync(identityUrl);
using var gateway = Start("gateway/Gateway", "Gateway", gatewayUrl);
proxies[gatewayUrl] = gateway;
await WaitReadyAsync(gatewayUrl + "/health/live");
var variants = new List<(string Name, string Url)>();
if (compareRoot is not null)
{
    // Another version of the gateway (e.g. `git archive <commit> | tar -x -C DIR` and a Release build there), measured
    // in alternation with this one: a before/after under the same load.
    var url = $"http://127.0.0.1:{FreePort()}";
    proxies[url] = Start("gateway/Gateway", "Gateway", url, fromRoot: Path.GetFullPath(compareRoot));
    await WaitReadyAsync(url + "/health/live");
    variants.Add(($"gateway from {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(compareRoot)))}", url));
}

if (ablate)
{
    foreach (var (name, key, value) in new[]
    {
        ("gateway, no telemetry", "OTEL_SDK_DISABLED", "true"),
        ("gateway, no edge token check", "Gateway__AnonymousPaths__0", "/api"),
        ("gateway, token validated per request", "Edge__TokenCacheSeconds", "0"),
        ("gateway, no rate limiter", "Edge__RateLimit__Enabled", "false"),
        ("gateway, workstation GC", "DOTNET_gcServer", "0"),
        ("gateway, default thread-pool spinning", "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "70"),
    })
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        proxies[url] = Start("gateway/Gateway", "Gateway", url, new() { [key] = value });
        await WaitReadyAsync(url + "/health/live");
        variants.Add((name, url));
    }
}

try
{
    using var setup = new HttpClient { BaseAddress = new Uri(gatewayUrl) };
    using var tokenResponse = await setup.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = "demo-operator", ["client_secret"] = "demo-operator-secret", ["scope"] = "admin",
    }));
    var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    setup.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var created = await setup.PostAsJsonAsync("/api/v1/organisations", new { name = "Bench Works", country = "DK", naceCode = "23.51" });
    var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    var path = $"/api/v1/organisations/{id}";

    Console.WriteLine($"Gateway benchmark ({configuration}), {Environment.ProcessorCount} cores, {roundCount} alternating rounds per figure (median shown), GET {path}");
    Console.WriteLine($"load average before: {LoadAverage()}");
    await RunAsync(identityUrl, path, token, 3, concurrency); // warm-up of both JITs and pools
    await RunAsync(gatewayUrl, path, token, 3, concurrency);
    foreach (var (_, url) in variants)
    {
        await RunAsync(url, path, token, 3, concurrency);
    }

    var verdicts = new List<bool>();
    foreach (var loops in new[] { 1, 4 })
    {
        var (direct, proxied) = await CompareAsync(path, token, loops, latencySeconds, byLatency: true);
        var added = (proxied.P50 - direct.P50) * 1000;
        Console.WriteLine($"  -> {loops} loop(s): gateway adds p50 {added:0} µs, p99 {(proxied.P99 - direct.P99) * 1000:0} µs   [load {LoadAverage()}]");
        if (loops == 1)
        {
            verdicts.Add(added <= 500);
        }
    }

    var (d32, g32) = await CompareAsync(path, token, concurrency, seconds, byLatency: false);
    var kept = g32.Rps / d32.Rps;
    verdicts.Add(kept >= 0.7);
    Console.WriteLine($"  -> {concurrency} loops (saturated): gateway keeps {kept:P0} of direct throughput   [load {LoadAverage()}]");
    // CPU time per request does not depend on what else the machine runs (much), unlike req/s on a shared machine:
    // with everything on the same 2 cores, the saturated ratio is about (service + client) / (service + gateway + client).
    var cpuRatio = (d32.IdentityCpu + d32.ClientCpu) / (g32.IdentityCpu + g32.GatewayCpu + g32.ClientCpu);
    Console.WriteLine($"  -> CPU per request: gateway {g32.GatewayCpu:0} µs; direct path {d32.IdentityCpu + d32.ClientCpu:0} µs (service + client), through gateway {g32.IdentityCpu + g32.GatewayCpu + g32.ClientCpu:0} µs; CPU-bound throughput ratio {cpuRatio:P0}");

    if (variants.Count > 0)
    {
        Console.WriteLine($"variants at {concurrency} loops (diagnostics; rounds alternate this gateway and the variant):");
        foreach (var (name, url) in variants)
        {
            var full = new List<Result>();
            var partial = new List<Result>();
            for (var round = 0; round < roundCount; round++)
            {
                full.Add(await RunAsync(gatewayUrl, path, token, seconds, concurrency));
                partial.Add(await RunAsync(url, path, token, seconds, concurrency));
            }

            var f = Median(full, r => r.Rps);
            var p = Median(partial, r => r.Rps);
            Console.WriteLine($"  {name,-38} {p.Rps,6:0} vs this {f.Rps,8:0} req/s ({((p.Rps / f.Rps) - 1) * 100:+0;-0} %); gateway CPU {p.GatewayCpu:0} vs {f.GatewayCpu:0} µs/request   [load {LoadAverage()}]");
        }
    }

    Console.WriteLine($"goal: ≤ 500 µs added at p50 (1 loop) and ≥ 70 % of direct throughput ({concurrency} loops) -> {(verdicts.All(v => v) ? "met" : "NOT met")}");
    Console.WriteLine($"load average after: {LoadAverage()}");
    await TokenValidationCostAsync(setup, token);
}
finally
{
    foreach (var process in processes)
    {
        Stop(process);
    }

    try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
}

return 0;

async Task<(Result Direct, Result Gateway)> CompareAsync(string path, string token, int loops, int duration, bool byLatency)
{
    var directRounds = new List<Result>();
    var proxiedRounds = new List<Result>();
    for (var round = 0; round < roundCount; round++)
    {
        directRounds.Add(await RunAsync(identityUrl, path, token, duration, loops));
        proxiedRounds.Add(await RunAsync(gatewayUrl, path, token, duration, loops));
    }

    Func<Result, double> key = byLatency ? r => r.P50 : r => -r.Rps;
    var direct = Median(directRounds, key);
    var proxied = Median(proxiedRounds, key);
    Console.WriteLine($"{loops} loop(s), {duration} s per round; rounds req/s direct | gateway: {string.Join("; ", directRounds.Zip(proxiedRounds, (d, g) => $"{d.Rps:0} | {g.Rps:0}"))}");
    Print("  direct (Identity)", direct);
    Print("  through gateway", proxied);
    return (direct, proxied);
}

static Result Median(List<Result> rounds, Func<Result, double> key) => rounds.OrderBy(key).ElementAt(rounds.Count / 2);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

async Task<Result> RunAsync(string baseUrl, string path, string token, int duration, int loopCount)
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = loopCount, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
    using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var proxy = proxies.GetValueOrDefault(baseUrl);
    var cpuBefore = (Identity: CpuTime(identity), Gateway: CpuTime(proxy), Client: Process.GetCurrentProcess().TotalProcessorTime);
    var stop = Stopwatch.StartNew();
    var end = TimeSpan.FromSeconds(duration);
    var latencies = new List<double>[loopCount];
    var errors = 0;
    var loops = Enumerable.Range(0, loopCount).Select(i => Task.Run(async () =>
    {
        var mine = latencies[i] = new List<double>(100_000);
        while (stop.Elapsed < end)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
            }
        }
    })).ToArray();
    await Task.WhenAll(loops);
    var all = latencies.SelectMany(l => l).Order().ToArray();
    double PerRequest(TimeSpan before, TimeSpan after) => all.Length == 0 ? double.NaN : (after - before).TotalMicroseconds / all.Length;
    return new Result(all.Length / stop.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, errors,
        PerRequest(cpuBefore.Identity, CpuTime(identity)), PerRequest(cpuBefore.Gateway, CpuTime(proxy)), PerRequest(cpuBefore.Client, Process.GetCurrentProcess().TotalProcessorTime));
}

// User + system CPU time of a started process (zero for none).
static TimeSpan CpuTime(Process? process)
{
    if (process is null)
    {
        return TimeSpan.Zero;
    }

    process.Refresh();
    return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
}

async Task TokenValidationCostAsync(HttpClient http, string token)
{
    var jwks = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks"));
    var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
    var parameters = new TokenValidationParameters
    {
        ValidIssuer = discovery.GetProperty("issuer").GetString(),
        ValidAudience = "identity",
        IssuerSigningKeys = jwks.GetSigningKeys(),
        ValidTypes = ["at+jwt"],
    };
    var handler = new JsonWebTokenHandler();
    for (var i = 0; i < 2000; i++)
    {
        await handler.ValidateTokenAsync(token, parameters);
    }

    const int n = 20000;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < n; i++)
    {
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The bench token did not validate.", result.Exception);
        }
    }

    Console.WriteLine($"token validation (RS256 signature, issuer, audience, lifetime), one core: {watch.Elapsed.TotalMilliseconds * 1000 / n:0.0} µs per request");
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

static void Print(string name, Result r) =>
    Console.WriteLine($"{name,-20} {r.Rps,7:0} req/s   p50 {r.P50 * 1000,6:0} µs   p99 {r.P99 * 1000,6:0} µs   ({r.Count} requests, {r.Errors} errors)   CPU/request: service {r.IdentityCpu:0} µs{(double.IsNaN(r.GatewayCpu) || r.GatewayCpu == 0 ? "" : $", gateway {r.GatewayCpu:0} µs")}, client {r.ClientCpu:0} µs");

Process Start(string project, string dll, string url, Dictionary<string, string>? extra = null, string? fromRoot = null)
{
    var dir = Path.Combine(fromRoot ?? root, project, "bin", configuration, "net10.0");
    var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
    info.ArgumentList.Add(Path.Combine(dir, dll + ".dll"));
    info.ArgumentList.Add("--urls");
    info.ArgumentList.Add(url);
    info.ArgumentList.Add("--contentRoot");
    info.ArgumentList.Add(dir);
    foreach (var (k, v) in common.Concat(extra ?? []))
    {
        info.Environment[k] = v;
    }

    var process = Process.Start(info)!;
    processes.Add(process);
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[{dll}] {e.Data}"); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static void Stop(Process process)
{
    if (!process.HasExited)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
    }
}

static async Task WaitReadyAsync(string url)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    var target = url.Contains("/health", StringComparison.Ordinal) ? url : url + "/health/ready";
    for (var i = 0; i < 600; i++)
    {
        try
        {
            using var response = await http.GetAsync(target);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) { }
        catch (TaskCanceledException) { }

        await Task.Delay(100);
    }

    throw new TimeoutException($"{target} not ready");
}

static int FreePort()
{
    var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
}

internal sealed record Result(double Rps, double P50, double P99, int Count, int Errors, double IdentityCpu, double GatewayCpu, double ClientCpu);
