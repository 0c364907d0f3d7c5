using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Matching.Quality;

// Quality benchmark, following /work/shared/data/README.md through the public API of a running standalone host.
// Usage: dotnet run -c Release --project bench/Matching.Quality -- [dataset.json] [standalone.dll]
// MATCHING_HOST_ARGS adds host arguments (e.g. "--Search:Vectors=MiniLM" for the hybrid matcher).
var root = Repo.Root();
var dataset = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("MATCHING_DATASET") ?? "/work/shared/data/synergy-dev.json";
var dll = args.Length > 1 ? args[1] : Path.Combine(root, "standalone/Marketplace.Standalone/bin/Release/net10.0/Marketplace.Standalone.dll");
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"Build the standalone host first: dotnet build -c Release standalone/Marketplace.Standalone ({dll} not found)");
    return 2;
}

var data = DataSet.Load(dataset);
var port = 5600 + Random.Shared.Next(300);
var baseUrl = $"http://127.0.0.1:{port}";
var dataDir = Path.Combine(Path.GetTempPath(), "matching-quality-" + Guid.NewGuid().ToString("N")[..8]);
Console.WriteLine($"Dataset {Path.GetFileName(dataset)}: {data.Pairs.Count} pairs, {data.Distractors.Count} distractors. Host {baseUrl}, data {dataDir}");

using var host = Process.Start(new ProcessStartInfo("dotnet", [dll, "--demo", "--Marketplace:SeedDemoData=false", "--Edge:RateLimit:Enabled=false", "--data-dir", dataDir, "--urls", baseUrl,
    .. (Environment.GetEnvironmentVariable("MATCHING_HOST_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)])
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
})!;
host.OutputDataReceived += (_, _) => { };
host.ErrorDataReceived += (_, e) => { if (e.Data is not null && e.Data.Contains("fail", StringComparison.OrdinalIgnoreCase)) { Console.Error.WriteLine("host: " + e.Data); } };
host.BeginOutputReadLine();
host.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    await Api.WaitReadyAsync(http);
    await Api.AuthenticateAsync(http);

    // 1. one organisation per side of every pair and every distractor, with its NACE code
    var sides = data.AllSides();
    foreach (var side in sides)
    {
        side.OrganisationId = await Api.RegisterOrganisationAsync(http, $"{side.Key} {side.Kind}", side.Nace);
    }

    // 2. every listing at a random position (fixed seed) within 40 km of one point
    var random = new Random(20261122);
    var stopwatch = Stopwatch.StartNew();
    foreach (var side in sides)
    {
        var (lat, lon) = Geo.RandomWithin(random, 55.68, 11.09, 40);
        side.ListingId = await Api.PublishAsync(http, side, lat, lon);
    }

    Console.WriteLine($"Registered {sides.Count} organisations and published {sides.Count} listings in {stopwatch.Elapsed.TotalSeconds:0.0} s");

    // 3. wait until matching has settled: every listing's suggestions unchanged over two rounds
    var wants = data.Pairs.Select(p => p.Want).ToList();
    var offers = data.Pairs.Select(p => p.Offer).ToList();
    var settled = await Api.SettleAsync(http, sides);
    Console.WriteLine($"Matching settled after {settled.TotalSeconds:0.0} s");

    Api.ReadTimes.Clear();
    var forward = new List<int?>();
    var backward = new List<int?>();
    var explain = new List<string>();
    var titles = sides.ToDictionary(s => s.ListingId, s => $"{s.Key} {s.Title}");
    var forwardLists = new List<(IReadOnlyList<MatchItem>, Guid)>();
    var backwardLists = new List<(IReadOnlyList<MatchItem>, Guid)>();
    var pairCounts = new List<int>();
    foreach (var pair in data.Pairs)
    {
        var fromWant = await Api.MatchesAsync(http, pair.Want.ListingId);
        var fromOffer = await Api.MatchesAsync(http, pair.Offer.ListingId);
        forwardLists.Add((fromWant, pair.Offer.ListingId));
        backwardLists.Add((fromOffer, pair.Want.ListingId));
        pairCounts.Add((await Api.MatchesAsync(http, pair.Want.ListingId, 100)).Count);
        pairCounts.Add((await Api.MatchesAsync(http, pair.Offer.ListingId, 100)).Count);
        forward.Add(Rank(fromWant, pair.Offer.ListingId));
        backward.Add(Rank(fromOffer, pair.Want.ListingId));
        Explain(explain, $"{pair.Id} want→offer", fromWant, pair.Offer.ListingId, titles);
        Explain(explain, $"{pair.Id} offer→want", fromOffer, pair.Want.ListingId, titles);
    }

    // 4. the plain full-text baseline: BM25 on title and description only
    using var baseline = new Baseline(sides);
    var baseForward = data.Pairs.Select(p => Rank(baseline.Search(p.Want, 10), p.Offer.ListingId)).ToList();
    var baseBackward = data.Pairs.Select(p => Rank(baseline.Search(p.Offer, 10), p.Want.ListingId)).ToList();
    using var vectorBaseline = new VectorBaseline(sides);
    var vecForward = data.Pairs.Select(p => Rank(vectorBaseline.Search(p.Want, 10), p.Offer.ListingId)).ToList();
    var vecBackward = data.Pairs.Select(p => Rank(vectorBaseline.Search(p.Offer, 10), p.Want.ListingId)).ToList();

    Console.WriteLine();
    Console.WriteLine("| direction | system | recall@1 | recall@5 | recall@10 | MRR |");
    Console.WriteLine("|---|---|---|---|---|---|");
    Console.WriteLine(Row("wants → offers", "matcher", forward));
    Console.WriteLine(Row("wants → offers", "BM25 baseline", baseForward));
    Console.WriteLine(Row("wants → offers", "vectors only (MiniLM)", vecForward));
    Console.WriteLine(Row("offers → wants", "matcher", backward));
    Console.WriteLine(Row("offers → wants", "BM25 baseline", baseBackward));
    Console.WriteLine(Row("offers → wants", "vectors only (MiniLM)", vecBackward));
    Console.WriteLine();
    var distractorCounts = new List<int>();
    foreach (var d in data.Distractors)
    {
        distractorCounts.Add((await Api.MatchesAsync(http, d.ListingId, 100)).Count);
    }

    if (Environment.GetEnvironmentVariable("MATCHING_DUMP") is { Length: > 0 } dump)
    {
        // every listing's whole suggestion list with its components, for calibrating (diagnostics only)
        var keys = sides.ToDictionary(s => s.ListingId, s => s.Key + ":" + s.Kind);
        var lines = new List<string>();
        foreach (var side in sides)
        {
            var items = await Api.MatchesAsync(http, side.ListingId, 100);
            lines.Add(JsonSerializer.Serialize(new { key = side.Key, kind = side.Kind, cls = side.ResourceClass, items = items.Select(i => new { other = keys.GetValueOrDefault(i.ListingId, "?"), i.Score, reasons = i.Reasons?.ToDictionary(r => r.Component, r => new { r.Contribution, r.Text }) }) }));
        }

        await File.WriteAllLinesAsync(dump, lines);
    }

    var reads = Api.ReadTimes.Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"List reads after settling: {reads.Count}, p50 {reads[reads.Count / 2]:0.0} ms, p95 {reads[(int)(reads.Count * 0.95)]:0.0} ms, max {reads[^1]:0.0} ms (host arguments: {Environment.GetEnvironmentVariable("MATCHING_HOST_ARGS") ?? "none"})"));
    Console.WriteLine("Noise " + Noise.Summary(Noise.PrecisionAt5(forwardLists), Noise.PrecisionAt5(backwardLists), pairCounts, distractorCounts));
    Console.WriteLine();
    for (var i = 0; i < data.Pairs.Count; i++)
    {
        Console.WriteLine($"{data.Pairs[i].Id}: want→offer rank {forward[i]?.ToString(CultureInfo.InvariantCulture) ?? "-"} (baseline {baseForward[i]?.ToString(CultureInfo.InvariantCulture) ?? "-"}), offer→want rank {backward[i]?.ToString(CultureInfo.InvariantCulture) ?? "-"} (baseline {baseBackward[i]?.ToString(CultureInfo.InvariantCulture) ?? "-"})  {data.Pairs[i].Want.Title}");
    }

    if (Environment.GetEnvironmentVariable("MATCHING_EXPLAIN") == "1")
    {
        // what outranked each pair's counterpart, for finding gaps in the knowledge (not part of the figures)
        Console.WriteLine();
        explain.ForEach(Console.WriteLine);
    }

    return 0;
}
finally
{
    host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
    try
    {
        Directory.Delete(dataDir, recursive: true);
    }
    catch (IOException)
    {
        // left for the OS to clean
    }
}

static int? Rank(IReadOnlyList<MatchItem> items, Guid target)
{
    for (var i = 0; i < items.Count; i++)
    {
        if (items[i].ListingId == target || (items[i].Members?.Any(m => m.ListingId == target) ?? false))
        {
            return i + 1;
        }
    }

    return null;
}

static void Explain(List<string> lines, string label, IReadOnlyList<MatchItem> items, Guid target, Dictionary<Guid, string> titles)
{
    var rank = Rank(items, target);
    if (rank == 1)
    {
        return;
    }

    lines.Add($"{label}: rank {rank?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
    foreach (var item in items.Take(rank ?? 5))
    {
        var knowledge = item.Reasons?.FirstOrDefault(r => r.Component == "knowledge-base")?.Text ?? "";
        var cut = knowledge.IndexOf(" Source:", StringComparison.Ordinal);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {item.Score:0.000} {titles.GetValueOrDefault(item.ListingId, item.Kind)} | {(cut > 0 ? knowledge[..cut] : knowledge)}"));
    }
}

static string Row(string direction, string system, List<int?> ranks)
{
    double Recall(int k) => ranks.Count(r => r <= k) / (double)ranks.Count;
    var mrr = ranks.Sum(r => r is null ? 0 : 1.0 / r.Value) / ranks.Count;
    return string.Create(CultureInfo.InvariantCulture, $"| {direction} | {system} | {Recall(1):0.00} | {Recall(5):0.00} | {Recall(10):0.00} | {mrr:0.000} |");
}

namespace Marketplace.Matching.Quality
{
    internal sealed record MatchMember(Guid ListingId, double Share);

    internal sealed record MatchReason(string Component, string Text, double Contribution);

    internal sealed record MatchItem(Guid MatchId, Guid ListingId, string Kind, double Score, IReadOnlyList<MatchMember>? Members, IReadOnlyList<MatchReason>? Reasons);

    internal sealed record MatchList(IReadOnlyList<MatchItem> Items);

    internal static class Api
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public static async Task WaitReadyAsync(HttpClient http)
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    using var response = await http.GetAsync("/health/ready");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                await Task.Delay(250);
            }

            throw new TimeoutException("The standalone host did not become ready.");
        }

        public static async Task AuthenticateAsync(HttpClient http)
        {
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "demo-operator",
                ["client_secret"] = "demo-operator-secret",
            }));
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        public static async Task<Guid> RegisterOrganisationAsync(HttpClient http, string name, string? nace)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = nace, country = "DK" });
            await EnsureAsync(response);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        public static async Task<Guid> PublishAsync(HttpClient http, Side side, double lat, double lon)
        {
            var hazardous = side.EwcCode?.EndsWith('*') ?? false;
            var body = new
            {
                kind = side.Kind,
                resourceClass = side.ResourceClass,
                title = side.Title,
                description = side.Description,
                ewcCode = side.EwcCode?.TrimEnd('*'),
                quantity = new { amount = side.Quantity, unit = side.Unit, per = side.Frequency },
                location = new { lat, lon, country = "DK" },
                hazardous = side.Kind == "offer" && hazardous,
                acceptsHazardous = side.Kind == "want" && side.AcceptsHazardous,
                organisationId = side.OrganisationId,
            };
            using var response = await http.PostAsJsonAsync("/api/v1/listings", body);
            await EnsureAsync(response);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        /// <summary>Milliseconds of every list read after matching settled (the reciprocal list's cost; printed with the figures).</summary>
        public static List<double> ReadTimes { get; } = [];

        public static async Task<IReadOnlyList<MatchItem>> MatchesAsync(HttpClient http, Guid listingId, int limit = 10)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/v1/listings/{listingId}/matches?limit={limit}");
            ReadTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return [];
            }

            await EnsureAsync(response);
            return (await response.Content.ReadFromJsonAsync<MatchList>(Json))!.Items;
        }

        /// <summary>Polls every listing's suggestions until two rounds a second apart see the same lists.</summary>
        public static async Task<TimeSpan> SettleAsync(HttpClient http, IReadOnlyList<Side> sides)
        {
            var watch = Stopwatch.StartNew();
            string? previous = null;
            while (watch.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(1000);
                var parts = new List<string>();
                foreach (var side in sides)
                {
                    var items = await MatchesAsync(http, side.ListingId);
                    parts.Add(string.Join(',', items.Select(i => $"{i.ListingId}:{i.Score}")));
                }

                var current = string.Join('|', parts);
                if (current == previous && parts.Any(p => p.Length > 0))
                {
                    return watch.Elapsed;
                }

                previous = current;
            }

            return watch.Elapsed;
        }

        private static async Task EnsureAsync(HttpResponseMessage response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    internal static class Geo
    {
        /// <summary>A uniformly random point within <paramref name="radiusKm"/> of a centre.</summary>
        public static (double Lat, double Lon) RandomWithin(Random random, double lat, double lon, double radiusKm)
        {
            var distance = radiusKm * Math.Sqrt(random.NextDouble());
            var bearing = random.NextDouble() * 2 * Math.PI;
            var dLat = distance * Math.Cos(bearing) / 111.32;
            var dLon = distance * Math.Sin(bearing) / (111.32 * Math.Cos(double.DegreesToRadians(lat)));
            return (lat + dLat, lon + dLon);
        }
    }

    internal static class Repo
    {
        public static string Root()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
