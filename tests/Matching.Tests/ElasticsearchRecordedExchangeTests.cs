using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>
/// Request-shape tests of the Elasticsearch adapter (the official client behind <see cref="IListingIndex"/>), replaying
/// the recorded request/response pairs in <c>Elasticsearch/recorded-exchanges.json</c> over real HTTP: a small server on
/// a free local port answers as Elasticsearch 9 would and keeps every request the client sent. These always run; the
/// engine contract tests against a real server (<see cref="ElasticsearchListingIndexTests"/>) run when ELASTICSEARCH_URL is set.
/// </summary>
public sealed class ElasticsearchRecordedExchangeTests : IDisposable
{
    private readonly RecordedElasticsearch server = new();
    private readonly string name = "recorded-" + Guid.NewGuid().ToString("N")[..8];

    private ElasticsearchListingIndex Index(SearchOptions? options = null)
    {
        options ??= new SearchOptions();
        options.ElasticsearchUrl = server.Url;
        return new ElasticsearchListingIndex(ElasticsearchListingIndex.CreateClient(options), name, Kb);
    }

    [Fact]
    public async Task The_first_upsert_creates_the_index_with_language_analyzers_then_writes_the_document_with_refresh_wait_for()
    {
        using var index = Index();
        var ash = Listing("offer", "Fly ash from our power station", ewc: "10 01 02");
        await index.UpsertAsync(SuggestionService.ToIndexed(ash, new Knowledge.Annotator(Kb).Annotate(ash, "35.11")), CancellationToken.None);

        Assert.Equal(["HEAD /" + name, "PUT /" + name, $"PUT /{name}/_doc/{ash.ListingId}"], server.Requests.Select(r => $"{r.Method} {r.Path}"));
        var definition = JsonNode.Parse(server.Requests[1].Body)!;
        Assert.Equal("keyword", definition["mappings"]!["properties"]!["concept"]!["type"]!.GetValue<string>());
        Assert.Equal("stems", definition["mappings"]!["properties"]!["text"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("synonym_graph", definition["settings"]!["analysis"]!["filter"]!["de_synonyms"]!["type"]!.GetValue<string>());
        Assert.Contains("refresh=wait_for", server.Requests[2].Query, StringComparison.Ordinal);
        var doc = JsonNode.Parse(server.Requests[2].Body)!;
        Assert.Equal("offer", doc["kind"]!.GetValue<string>());
        Assert.Contains(doc["concept"]!.AsArray(), c => c!.GetValue<string>() == "ewc:10 01 02");
        Assert.Equal(ash.ListingId, JsonSerializer.Deserialize<Listings.Contracts.ListingSnapshot>(doc["snapshot"]!.GetValue<string>(), Web)!.ListingId);
    }

    [Fact]
    public async Task A_bulk_load_sends_one_ndjson_bulk_with_ids_then_refreshes_once_and_compact_force_merges_to_one_segment()
    {
        using var index = Index();
        var annotator = new Knowledge.Annotator(Kb);
        var listings = Enumerable.Range(0, 3).Select(i => Listing("want", $"Pozzolan {i}")).ToList();
        await index.UpsertManyAsync([.. listings.Select(l => SuggestionService.ToIndexed(l, annotator.Annotate(l, null)))], CancellationToken.None);
        await index.CompactAsync(CancellationToken.None);

        Assert.Equal(["HEAD", "PUT", "POST /_bulk", "POST /_refresh", "POST /_forcemerge", "POST /_refresh"],
            server.Requests.Select(r => r.Method + (r.Path == "/" + name ? "" : " " + r.Path[(name.Length + 1)..])));
        var lines = server.Requests[2].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal(listings[0].ListingId.ToString(), JsonNode.Parse(lines[0])!["index"]!["_id"]!.GetValue<string>());
        Assert.Equal("want", JsonNode.Parse(lines[1])!["kind"]!.GetValue<string>());
        Assert.Contains("max_num_segments=1", server.Requests[4].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_filters_kind_status_hazard_and_own_organisation_and_reads_the_snapshot_back()
    {
        var found = Listing("want", "Acid for regeneration", acceptsHazardous: true);
        server.Hit = found;
        using var index = Index();
        var acid = Listing("offer", "Spent sulphuric acid", hazardous: true);
        var hits = await index.FindCandidatesAsync(SuggestionService.QueryFor(acid, new Knowledge.Annotator(Kb).Annotate(acid, null), 50), CancellationToken.None);

        var search = server.Requests.Single(r => r.Path.EndsWith("/_search", StringComparison.Ordinal));
        var body = JsonNode.Parse(search.Body)!;
        var filter = body["query"]!["bool"]!["filter"]!.ToJsonString();
        Assert.Contains("\"kind\":\"want\"", filter, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"published\"", filter, StringComparison.Ordinal);
        Assert.Contains("\"acceptsHazardous\":\"1\"", filter, StringComparison.Ordinal);
        Assert.Contains(acid.OrganisationId.ToString(), body["query"]!["bool"]!["must_not"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(50, body["size"]!.GetValue<int>());
        Assert.Equal(found.ListingId, Assert.Single(hits).Listing.ListingId);
        Assert.Equal(4.2, hits[0].TextScore, 6);
    }

    [Fact]
    public async Task With_vectors_the_mapping_has_a_dense_vector_and_a_search_adds_knn_under_the_same_filters()
    {
        server.Hit = Listing("want", "Acid for regeneration", acceptsHazardous: true);
        using var index = Index();
        var acid = Listing("offer", "Spent sulphuric acid", hazardous: true);
        var vector = new float[Search.ElasticsearchQuery.VectorDimensions];
        vector[0] = 1;
        var annotation = new Knowledge.Annotator(Kb).Annotate(acid, null) with { Vector = vector };
        await index.UpsertAsync(SuggestionService.ToIndexed(acid, annotation), CancellationToken.None);
        await index.FindCandidatesAsync(SuggestionService.QueryFor(acid, annotation, 50, vectorCandidates: 30), CancellationToken.None);

        var mapping = JsonNode.Parse(server.Requests.First(r => r.Method == "PUT" && r.Path == "/" + name).Body)!["mappings"]!["properties"]!["vector"]!;
        Assert.Equal("dense_vector", mapping["type"]!.GetValue<string>());
        Assert.Equal(384, mapping["dims"]!.GetValue<int>());
        Assert.Equal("cosine", mapping["similarity"]!.GetValue<string>());
        Assert.Equal(384, JsonNode.Parse(server.Requests.First(r => r.Path.Contains("/_doc/", StringComparison.Ordinal)).Body)!["vector"]!.AsArray().Count);
        var knn = JsonNode.Parse(server.Requests.Single(r => r.Path.EndsWith("/_search", StringComparison.Ordinal)).Body)!["knn"]!;
        Assert.Equal("vector", knn["field"]!.GetValue<string>());
        Assert.Equal(30, knn["k"]!.GetValue<int>());
        Assert.Equal(1f, knn["query_vector"]![0]!.GetValue<float>());
        Assert.Contains("\"acceptsHazardous\":\"1\"", knn["filter"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(acid.OrganisationId.ToString(), knn["filter"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_vector_a_search_has_no_knn()
    {
        server.Hit = Listing("want", "Acid for regeneration");
        using var index = Index();
        var acid = Listing("offer", "Spent sulphuric acid");
        await index.FindCandidatesAsync(SuggestionService.QueryFor(acid, new Knowledge.Annotator(Kb).Annotate(acid, null), 50, vectorCandidates: 30), CancellationToken.None);
        Assert.Null(JsonNode.Parse(server.Requests.Single(r => r.Path.EndsWith("/_search", StringComparison.Ordinal)).Body)!["knn"]);
    }

    [Fact]
    public async Task Removing_an_absent_listing_is_not_an_error_and_an_api_key_is_sent_as_such()
    {
        using var index = Index(new SearchOptions { ElasticsearchApiKey = "a2V5OnNlY3JldA==" });
        await index.RemoveAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal("DELETE", server.Requests[^1].Method);
        Assert.Contains("refresh=wait_for", server.Requests[^1].Query, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal("ApiKey a2V5OnNlY3JldA==", r.Authorization));
    }

    public void Dispose() => server.Dispose();

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Answers from the recorded exchanges, as Elasticsearch 9 would (product header included), and keeps the requests.</summary>
    private sealed class RecordedElasticsearch : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly List<(string Method, string Path, int Status, string Body)> exchanges;
        private readonly Task loop;

        public RecordedElasticsearch()
        {
            var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Elasticsearch", "recorded-exchanges.json")))!;
            exchanges = [.. doc["exchanges"]!.AsArray().Select(e => (e!["method"]!.GetValue<string>(), e["path"]!.GetValue<string>(), e["status"]!.GetValue<int>(), e["body"]!.GetValue<string>()))];
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(Url.ToString());
            listener.Start();
            loop = Task.Run(ServeAsync);
        }

        public Uri Url { get; }

        public ListingSnapshotHolder? HitHolder { get; private set; }

        public Listings.Contracts.ListingSnapshot? Hit { set => HitHolder = value is null ? null : new(value); }

        public List<(string Method, string Path, string Query, string Body, string? Authorization)> Requests { get; } = [];

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (!listener.IsListening)
                {
                    return;
                }

                // the client compresses request bodies
                using var input = context.Request.Headers["Content-Encoding"] == "gzip"
                    ? new System.IO.Compression.GZipStream(context.Request.InputStream, System.IO.Compression.CompressionMode.Decompress)
                    : context.Request.InputStream;
                using var reader = new StreamReader(input, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var path = context.Request.Url!.AbsolutePath;
                var index = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                lock (Requests)
                {
                    Requests.Add((context.Request.HttpMethod, path, context.Request.Url.Query, body, context.Request.Headers["Authorization"]));
                }

                var match = exchanges.FirstOrDefault(e => e.Method == context.Request.HttpMethod && Matches(e.Path.Replace("{index}", index, StringComparison.Ordinal), path));
                var answer = (match.Body ?? "{}").Replace("{index}", index, StringComparison.Ordinal);
                if (answer.Contains("{items}", StringComparison.Ordinal))
                {
                    // one result per action line of the bulk body, as Elasticsearch answers
                    var ids = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 2 == 0).Select(l => JsonNode.Parse(l)!["index"]!["_id"]!.GetValue<string>());
                    answer = answer.Replace("{items}", string.Join(',', ids.Select(id =>
                        $"{{\"index\":{{\"_index\":\"{index}\",\"_id\":\"{id}\",\"_version\":1,\"result\":\"created\",\"status\":201,\"_seq_no\":0,\"_primary_term\":1,\"_shards\":{{\"total\":1,\"successful\":1,\"failed\":0}}}}}}")), StringComparison.Ordinal);
                }

                if (HitHolder is { } hit)
                {
                    answer = answer.Replace("{hit}", hit.Listing.ListingId.ToString(), StringComparison.Ordinal)
                        .Replace("{snapshot}", JsonSerializer.Serialize(JsonSerializer.Serialize(hit.Listing, Web)), StringComparison.Ordinal);
                }

                context.Response.StatusCode = match.Method is null ? 400 : match.Status;
                context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
                // plain JSON: with the versioned vendor type the client took the replayed bulk answer as a bad response
                context.Response.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(answer);
                if (context.Request.HttpMethod != "HEAD")
                {
                    await context.Response.OutputStream.WriteAsync(bytes);
                }

                context.Response.Close();
            }
        }

        private static bool Matches(string pattern, string path) =>
            pattern.EndsWith("/*", StringComparison.Ordinal) ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == path;

        public void Dispose()
        {
            listener.Stop();
            listener.Close();
            loop.Wait(TimeSpan.FromSeconds(5));
        }
    }

    private sealed record ListingSnapshotHolder(Listings.Contracts.ListingSnapshot Listing);
}
