using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Bench;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;

// Performance benchmark. Part 1 (embedded): 100,000 listings into the Lucene index, then the full matching of one
// listing (annotate, candidate query, score) p50/p95. Part 2 (standalone): the same index in the data dir of a
// standalone host, then POST /api/v1/listings → suggestions readable via GET, p50/p95.
// Usage: dotnet run -c Release --project bench/Matching.Bench -- [listings=100000] [posts=100] [standalone.dll|-] [cached candidates=40000]
// BENCH_VECTORS=MiniLM embeds every listing (batched while building) and adds the vector candidates and component.
// The embedding model alone: dotnet run -c Release --project bench/Matching.Bench -- embed [texts=1000] [batch=32]
if (args is ["embed", .. var embedArgs])
{
    EmbeddingBench.Run(embedArgs, KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "knowledge")), Load);
    return 0;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var posts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "Marketplace.sln")) && Directory.GetParent(root) is { } parent)
{
    root = parent.FullName;
}

var cached = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 40_000;
var dll = args.Length > 2 && args[2] != "-" ? args[2] : Path.Combine(root, "standalone/Marketplace.Standalone/bin/Release/net10.0/Marketplace.Standalone.dll");
var dataDir = Path.Combine(Path.GetTempPath(), "matching-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataDir);

var knowledge = KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "knowledge"));
var annotator = new Annotator(knowledge);
IListingEmbedder embedder = Environment.GetEnvironmentVariable("BENCH_VECTORS") == "MiniLM" ? new MiniLmEmbedder() : new NoEmbedder();
var vectorCandidates = embedder.Enabled ? 30 : 0;
var generator = new Generator(knowledge, 42);
Console.WriteLine($"Knowledge: {knowledge.Patterns.Count} patterns, {knowledge.Thesaurus.Count} thesaurus groups. Data dir {dataDir}");

// Part 1: embedded
// generated as they are indexed: the benchmark's own copy of 100,000 listings would otherwise stay on the heap
var listings = Enumerable.Range(0, count).Select(_ => generator.Next());
var build = Stopwatch.StartNew();
using (var index = new LuceneListingIndex(Path.Combine(dataDir, "matching-index"), cached))
{
    // the product's rebuild loop (Reindexer.IndexAllAsync), so this figure is the product's
    var run = await Reindexer.IndexAllAsync(listings.ToAsyncEnumerable(), l => generator.Naces[l.OrganisationId], annotator, embedder, index, CancellationToken.None);
    var indexed = build.Elapsed;

    var compact = Stopwatch.StartNew();
    await index.CompactAsync(CancellationToken.None); // as a rebuild ends
    Console.WriteLine($"Annotated and written in {indexed.TotalSeconds:0.0} s (annotating {run.Annotating.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores; " +
        $"writing {run.Writing.TotalSeconds:0.0} s beside it; waiting for the writer {run.WaitingForWriter.TotalSeconds:0.0} s), compacted in {compact.Elapsed.TotalSeconds:0.0} s");

    // A first stretch warms the process up (tiered JIT, the decoder's shared strings and pattern fits) and is
    // reported on its own; the figures are over the listings after it, as a server that has been running sees them.
    const int WarmUp = 100;
    const int Timed = 500;
    var sources = Enumerable.Range(0, WarmUp + Timed).Select(_ => generator.Next()).ToList();
    await index.FindCandidatesAsync(SuggestionService.QueryFor(sources[0], annotator.Annotate(sources[0], null), 200), CancellationToken.None);
    build.Stop();
    Console.WriteLine($"Index build: {count:N0} listings annotated and indexed in {build.Elapsed.TotalSeconds:0.0} s ({count / build.Elapsed.TotalSeconds:N0} listings/s, process CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s, allocated {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB, GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.0} s in {GC.CollectionCount(0)} GCs); vectors {(embedder.Enabled ? "MiniLM" : "off")}, working set {Environment.WorkingSet / 1048576.0:N0} MB; {Load()}");

    using var sampler = Environment.GetEnvironmentVariable("BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
    sampler?.Enabled = true;
    var learned = new Dictionary<string, double>();
    var stages = new Stages();
    using var trace = new SearchTrace();
    var timings = new List<double>();
    var searchTimings = new List<double>();
    var suggestions = 0;
    var candidates = 0;
    foreach (var (source, n) in sources.Select((s, n) => (s, n)))
    {
        if (n == WarmUp)
        {
            Console.WriteLine($"Warm-up: {WarmUp} listings, p50 {Percentile(timings, 50):0.0} ms, p95 {Percentile(timings, 95):0.0} ms, max {timings.Max():0.0} ms (not counted below)");
            stages.Clear();
            timings.Clear();
            searchTimings.Clear();
            suggestions = 0;
            candidates = 0;
        }

        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var lap = watch.Elapsed;
        var annotation = annotator.Annotate(source, generator.Naces[source.OrganisationId]);
        stages.Lap("annotate", watch, ref lap);
        annotation = embedder.WithVector(source, annotation, knowledge);
        stages.Lap("embed", watch, ref lap);
        await index.UpsertAsync(SuggestionService.ToIndexed(source, annotation), CancellationToken.None);
        stages.Lap("upsert", watch, ref lap);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var hits = await index.FindCandidatesAsync(SuggestionService.QueryFor(source, annotation, 200, vectorCandidates), CancellationToken.None);
        searchTimings.Add((watch.Elapsed - lap).TotalMilliseconds);
        stages.Add("search allocated (KB)", TimeSpan.FromMilliseconds((GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0));
        stages.Add("search: make writes visible", trace.Stage("search.visible"));
        stages.Add("search: build query", trace.Stage("search.query"));
        stages.Add("search: top 200", trace.Stage("search.top"));
        stages.Add("search: load hits", trace.Stage("search.load"));
        stages.Add("search: clauses (count)", trace.Count("clauses"));
        stages.Add("search: postings (count)", trace.Count("postings"));
        stages.Add("search: segments (count)", trace.Count("segments"));
        stages.Add("search: cache hits (count)", trace.Count("cache_hits"));
        stages.Add("search: recent hits (count)", trace.Count("recent_hits"));
        lap = watch.Elapsed;
        var self = new Side(source, annotation);
        var others = hits.Select(hit => new Side(hit.Listing, SuggestionService.AnnotationOf(hit, generator.Naces.GetValueOrDefault(hit.Listing.OrganisationId), annotator))).ToList();
        stages.Lap("decode annotations (rest)", watch, ref lap);
        var rarity = await index.TermRarityAsync([.. annotation.Text.Terms], CancellationToken.None);
        stages.Lap("term rarity", watch, ref lap);
        var scored = new List<ScoredPair>();
        allocated = GC.GetAllocatedBytesForCurrentThread();
        foreach (var other in others)
        {
            if ((source.Kind == "offer" ? Scoring.Score(self, other, knowledge, learned, rarity) : Scoring.Score(other, self, knowledge, learned, rarity)) is { } pair)
            {
                scored.Add(pair);
            }
        }

        stages.Lap("score", watch, ref lap);
        stages.Add("score allocated (KB)", TimeSpan.FromMilliseconds((GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0));
        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        Bundling.Propose(source, scored, knowledge.Factors);
        stages.Lap("sort, bundle", watch, ref lap);
        suggestions += Math.Min(25, scored.Count);
        candidates += hits.Count;
        timings.Add(watch.Elapsed.TotalMilliseconds);
        stages.Add("GC pauses", GC.GetTotalPauseDuration() - paused);
        stages.Add("GCs (count)", TimeSpan.FromMilliseconds(GC.CollectionCount(0) - gen0));
        if (GC.CollectionCount(0) != gen0)
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            stages.Add("GC: promoted by the last (KB)", TimeSpan.FromMilliseconds(info.PromotedBytes / 1024.0));
            stages.Add("GC: pause of the last", info.PauseDurations[0]);
            stages.Add("GC: generation of the last (count)", TimeSpan.FromMilliseconds(info.Generation));
        }

        stages.Add("gen2 GCs (count)", TimeSpan.FromMilliseconds(GC.CollectionCount(2) - gen2));
    }

    Console.WriteLine($"Matches for one listing (embedded: annotate, upsert, candidates 200, score, bundle) over {Timed} listings: " +
        $"p50 {Percentile(timings, 50):0.0} ms, p95 {Percentile(timings, 95):0.0} ms, max {timings.Max():0.0} ms; {candidates / (double)Timed:0.0} candidates, {suggestions / (double)Timed:0.0} suggestions each; " +
        $"of which the index search (after its own upsert) p50 {Percentile(searchTimings, 50):0.0} ms, p95 {Percentile(searchTimings, 95):0.0} ms; {Load()}");
    stages.Print();
    Console.WriteLine("  p95 by block of 100 listings, in order: " + string.Join(", ", timings.Chunk(100).Select(b => $"{Percentile([.. b], 95):0.0}")) + " ms");
    sampler?.Enabled = false;
    sampler?.Print(25);
    var gc = GC.GetGCMemoryInfo(GCKind.Any);
    Console.WriteLine($"  last GC: #{gc.Index} gen {gc.Generation} pause {gc.PauseDurations[0].TotalMilliseconds:0.0} ms, promoted {gc.PromotedBytes / 1e6:0.0} MB, heap {gc.HeapSizeBytes / 1e6:0} MB, compacted {gc.Compacted}, concurrent {gc.Concurrent}, pinned {gc.PinnedObjectsCount}, finalization pending {gc.FinalizationPendingCount}; " +
        string.Join(", ", gc.GenerationInfo.ToArray().Select((g, i) => $"gen{i} {g.SizeBeforeBytes / 1e6:0.0}->{g.SizeAfterBytes / 1e6:0.0} MB")));
    if (Environment.GetEnvironmentVariable("BENCH_SIZE") == "1")
    {
        var keep = new List<IndexHit>();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var source in sources.Take(20))
        {
            keep.AddRange(await index.FindCandidatesAsync(SuggestionService.QueryFor(source, annotator.Annotate(source, null), 200), CancellationToken.None));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  {keep.Count} hits held: {(after - before) / keep.Count:N0} bytes each; patterns {keep.Average(h => h.Annotation!.Patterns.Count):0.0}, evidence {keep.Average(h => h.Annotation!.Patterns.Values.Sum(p => p.Evidence.Count)):0.0}, stems {keep.Average(h => h.Annotation!.Text.Stems.Count):0.0}, groups {keep.Average(h => h.Annotation!.Groups.Count):0.0}, concepts {keep.Average(h => h.Annotation!.Concepts.Count):0.0}; candidate bytes {keep.Average(h => CandidateCodec.Encode(h.Listing, h.Annotation!).Length):0}");
        GC.KeepAlive(keep);
    }

    Console.WriteLine($"  candidate cache {cached:N0} entries; managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:0} MB after the run");
}

// Part 2: standalone, POST to suggestions readable
if (!File.Exists(dll))
{
    Console.WriteLine($"Standalone part skipped: build it first (dotnet build -c Release standalone/Marketplace.Standalone); {dll} not found.");
    return 0;
}

var port = 5900 + Random.Shared.Next(90);
var baseUrl = $"http://127.0.0.1:{port}";
using var host = Process.Start(new ProcessStartInfo("dotnet", [dll, "--demo", "--Marketplace:SeedDemoData=false", "--Edge:RateLimit:Enabled=false", "--data-dir", dataDir, "--urls", baseUrl, "--Logging:LogLevel:Default=Warning",
    "--Logging:LogLevel:Marketplace.Matching.Matches.ListingPublishedConsumer=Debug", "--Logging:Console:FormatterName=simple",
    "--Logging:Console:FormatterOptions:SingleLine=true"])
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
})!;
// The host logs each ListingPublished it matched with the time per stage ("matching-timing ... stage=ms ...").
var consumerStages = new System.Collections.Concurrent.ConcurrentDictionary<Guid, Dictionary<string, double>>();
var hostWarnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
host.OutputDataReceived += (_, e) => Observe(e.Data);
host.ErrorDataReceived += (_, e) => Observe(e.Data);
void Observe(string? line)
{
    if (line is null)
    {
        return;
    }

    var at = line.IndexOf("matching-timing ", StringComparison.Ordinal);
    if (at < 0)
    {
        if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal))
        {
            hostWarnings.Enqueue(line);
        }

        return;
    }

    var pairs = line[(at + 16)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
    var id = Guid.Parse(pairs.First(p => p[0] == "listing")[1]);
    consumerStages[id] = pairs.Where(p => p[0] != "listing").ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
}
host.BeginOutputReadLine();
host.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var ready = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                break;
            }
        }
        catch (HttpRequestException) when (ready.Elapsed < TimeSpan.FromSeconds(90))
        {
        }

        await Task.Delay(200);
    }

    using (var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = "demo-operator", ["client_secret"] = "demo-operator-secret",
    })))
    {
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
    }

    var orgs = new List<Guid>();
    foreach (var nace in new[] { "35.11", "23.51", "10.11", "38.21" })
    {
        using var response = await http.PostAsJsonAsync("/api/v1/organisations", new { name = "Bench " + nace, naceCode = nace, country = "DE" });
        orgs.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    await Task.Delay(1000); // organisations reach Matching
    var latencies = new List<double>();
    var postStages = new Stages();
    var postedIds = new List<Guid>();
    var missed = 0;
    var hiddenOnly = 0;
    for (var i = 0; i < posts; i++)
    {
        var l = generator.Next(i % 2 == 0 ? "offer" : "want");
        object Body(bool withEwc) => new
        {
            organisationId = orgs[i % orgs.Count],
            kind = l.Kind,
            resourceClass = l.ResourceClass,
            title = l.Title,
            description = l.Description,
            ewcCode = withEwc ? l.EwcCode : null,
            quantity = new { amount = l.Quantity.Amount, unit = l.Quantity.Unit, per = "year" },
            location = new { lat = l.Location.Lat, lon = l.Location.Lon, country = "DE" },
        };

        // Patterns name EWC headings and mirror entries too, which Listings rightly refuses without a full code and an
        // explicit hazard choice: such a listing is posted without its code instead.
        var watch = Stopwatch.StartNew();
        var created = await http.PostAsJsonAsync("/api/v1/listings", Body(withEwc: true));
        if (created.StatusCode == System.Net.HttpStatusCode.BadRequest && l.EwcCode is not null)
        {
            created.Dispose();
            watch.Restart();
            created = await http.PostAsJsonAsync("/api/v1/listings", Body(withEwc: false));
        }

        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var postDone = watch.Elapsed;
        postedIds.Add(id);
        var readable = false;
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            using var matches = await http.GetAsync($"/api/v1/listings/{id}/matches?limit=10");
            if (matches.IsSuccessStatusCode && (await matches.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength() > 0)
            {
                readable = true;
                break;
            }

            await Task.Delay(5);
        }

        if (readable)
        {
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            postStages.Add("POST /api/v1/listings", postDone);
            postStages.Add("then until GET has items", watch.Elapsed - postDone);
        }
        else
        {
            missed++;
            using var all = await http.GetAsync($"/api/v1/listings/{id}/matches?limit=100&view=all");
            var stored = all.IsSuccessStatusCode ? (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength() : 0;
            hiddenOnly += stored > 0 ? 1 : 0;
            Console.WriteLine($"  no suggestion shown within 10 s: {l.Kind} {l.ResourceClass} '{l.Title}' ewc {l.EwcCode ?? "-"}; stored {stored} (view=all)");
        }
    }

    Console.WriteLine($"Standalone POST → suggestions readable, index of {count:N0} listings, {posts} posts: " +
        (latencies.Count == 0 ? "none readable" : $"p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms, max {latencies.Max():0} ms") +
        (missed > 0 ? $"; {missed} without any suggestion shown within 10 s ({hiddenOnly} of them with stored suggestions the reciprocal list does not show)" : "") + "; " + Load());
    await Task.Delay(500);
    foreach (var id in postedIds)
    {
        if (consumerStages.TryGetValue(id, out var laps))
        {
            foreach (var (stage, ms) in laps)
            {
                postStages.Add("consumer: " + stage, TimeSpan.FromMilliseconds(ms));
            }
        }
    }

    Console.WriteLine($"  per stage (ms; consumer stages from the host's Debug log, {postedIds.Count(consumerStages.ContainsKey)} of {postedIds.Count} posts):");
    postStages.Print();
    if (!hostWarnings.IsEmpty)
    {
        Console.WriteLine($"  host warnings/errors: {hostWarnings.Count}, first: {hostWarnings.First()}");
    }
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
    }
}

return 0;

static string Load() => File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}
