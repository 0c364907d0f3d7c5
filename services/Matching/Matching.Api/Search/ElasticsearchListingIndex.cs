using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Search;

/// <summary>
/// The distributed engine, through the official client (<c>Elastic.Clients.Elasticsearch</c>): typed requests for
/// writes, bulk loads, refresh, force-merge and index lifecycle; the index definition (analyzers and thesaurus
/// synonyms per language) and the candidate query go as the JSON bodies below through the client's transport, so
/// both keep exactly the shape the engine contract tests pin. Documents carry the same pre-analysed stems and
/// concepts as the Lucene engine, so both rank alike; the raw text is also indexed per language, for operators'
/// ad-hoc queries. Each write refreshes (wait_for), which keeps "upsert before search"; bulk loads refresh once.
/// </summary>
public sealed class ElasticsearchListingIndex(ElasticsearchClient client, string indexName, KnowledgeBase knowledge) : IListingIndex, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim created = new(1, 1);
    private bool exists;

    /// <summary>The client for <see cref="SearchOptions"/>: URL, credentials (API key, or user and password) and TLS pinning.</summary>
    public static ElasticsearchClient CreateClient(SearchOptions options)
    {
        var settings = new ElasticsearchClientSettings(options.ElasticsearchUrl
            ?? throw new InvalidOperationException("Search:ElasticsearchUrl is required when Search:Engine is Elasticsearch."));
        if (options.ElasticsearchApiKey is { Length: > 0 } key)
        {
            settings.Authentication(new ApiKey(key));
        }
        else if (options.ElasticsearchUsername is { Length: > 0 } user)
        {
            settings.Authentication(new BasicAuthentication(user, options.ElasticsearchPassword ?? ""));
        }

        if (options.ElasticsearchCertificateFingerprint is { Length: > 0 } fingerprint)
        {
            settings.CertificateFingerprint(fingerprint);
        }

        return new ElasticsearchClient(settings);
    }

    public async Task UpsertAsync(IndexedListing listing, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        var response = await client.IndexAsync(
            new IndexRequest<JsonObject>(ToDocument(listing), indexName, listing.Listing.ListingId.ToString()) { Refresh = Refresh.WaitFor }, cancellationToken);
        Ensure(response.IsValidResponse, response);
    }

    public async Task UpsertManyAsync(IReadOnlyCollection<IndexedListing> listings, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        foreach (var chunk in listings.Chunk(1000))
        {
            var operations = new BulkOperationsCollection();
            foreach (var listing in chunk)
            {
                operations.Add(new BulkIndexOperation<JsonObject>(ToDocument(listing)) { Id = listing.Listing.ListingId.ToString() });
            }

            var response = await client.BulkAsync(new BulkRequest(indexName) { Operations = operations }, cancellationToken);
            Ensure(response.IsValidResponse && !response.Errors, response);
        }

        var refresh = await client.Indices.RefreshAsync(new RefreshRequest(indexName), cancellationToken);
        Ensure(refresh.IsValidResponse, refresh);
    }

    public async Task RemoveAsync(Guid listingId, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        var response = await client.DeleteAsync(new DeleteRequest(indexName, listingId.ToString()) { Refresh = Refresh.WaitFor }, cancellationToken);
        Ensure(response.IsValidResponse || response.ApiCallDetails.HttpStatusCode == 404, response);
    }

    public async Task CompactAsync(CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);

        // a rebuilt index has been written in one go, the case force-merge is meant for; it waits for the merge
        var merge = await client.Indices.ForcemergeAsync(new ForcemergeRequest(indexName) { MaxNumSegments = 1 }, cancellationToken);
        Ensure(merge.IsValidResponse, merge);
        var refresh = await client.Indices.RefreshAsync(new RefreshRequest(indexName), cancellationToken);
        Ensure(refresh.IsValidResponse, refresh);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await client.Indices.DeleteAsync(new DeleteIndexRequest(indexName), cancellationToken); // absent is fine
        exists = false;
        await EnsureIndexAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(CandidateQuery query, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        var response = await client.Transport.RequestAsync<StringResponse>(
            Elastic.Transport.HttpMethod.POST, $"/{indexName}/_search", PostData.String(ElasticsearchQuery.For(query).ToJsonString()), cancellationToken);
        Ensure(response.ApiCallDetails.HasSuccessfulStatusCode, response);
        var hits = JsonNode.Parse(response.Body)?["hits"]?["hits"]?.AsArray() ?? [];
        return [.. hits.Select(h => ElasticsearchQuery.WithVector(new IndexHit(
            JsonSerializer.Deserialize<ListingSnapshot>(h!["_source"]!["snapshot"]!.GetValue<string>(), Json)!,
            h["_score"]?.GetValue<double>() ?? 0)
        {
            AnnotationJson = h["_source"]?["annotation"]?.GetValue<string>(),
        }, h["_source"]?["vector"]))];
    }

    /// <summary>
    /// The term vectors of an artificial document holding the stems, with term statistics: each stem's document
    /// frequency in the text field and the field's document count. Elasticsearch counts them per shard, so on an
    /// index of several shards they are the shard's, close to the index's for a large one.
    /// </summary>
    public async Task<TermRarity> TermRarityAsync(IReadOnlyCollection<string> stems, CancellationToken cancellationToken)
    {
        if (stems.Count == 0)
        {
            return TermRarity.None;
        }

        await EnsureIndexAsync(cancellationToken);
        var response = await client.Transport.RequestAsync<StringResponse>(
            Elastic.Transport.HttpMethod.POST, $"/{indexName}/_termvectors", PostData.String(TermVectorsBody(stems).ToJsonString()), cancellationToken);
        Ensure(response.ApiCallDetails.HasSuccessfulStatusCode, response);
        return ReadTermRarity(JsonNode.Parse(response.Body));
    }

    /// <summary>The term vectors request for <see cref="TermRarityAsync"/>.</summary>
    public static JsonObject TermVectorsBody(IEnumerable<string> stems) => new()
    {
        ["doc"] = new JsonObject { ["text"] = string.Join(' ', stems) },
        ["fields"] = new JsonArray("text"),
        ["term_statistics"] = true,
        ["field_statistics"] = true,
        ["positions"] = false,
        ["offsets"] = false,
    };

    /// <summary>Document frequencies and the document count from a term vectors response.</summary>
    public static TermRarity ReadTermRarity(JsonNode? response)
    {
        var field = response?["term_vectors"]?["text"];
        var docFreq = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (term, stats) in field?["terms"]?.AsObject() ?? [])
        {
            docFreq[term] = stats?["doc_freq"]?.GetValue<int>() ?? 0;
        }

        return new TermRarity(field?["field_statistics"]?["doc_count"]?.GetValue<long>() ?? 0, docFreq);
    }

    private static JsonObject ToDocument(IndexedListing indexed)
    {
        var l = indexed.Listing;
        return new JsonObject
        {
            ["id"] = l.ListingId.ToString(),
            ["org"] = l.OrganisationId.ToString(),
            ["kind"] = l.Kind,
            ["status"] = l.Status,
            ["hazardous"] = l.Hazardous ? "1" : "0",
            ["acceptsHazardous"] = l.AcceptsHazardous ? "1" : "0",
            ["lang"] = indexed.Language,
            ["text"] = string.Join(' ', indexed.Stems),
            ["raw_" + indexed.Language] = $"{l.Title}\n{l.Description}",
            ["concept"] = new JsonArray([.. indexed.Concepts.Distinct().Select(c => JsonValue.Create(c))]),
            ["snapshot"] = JsonSerializer.Serialize(l, Json),
            ["annotation"] = indexed.AnnotationJson,
            ["vector"] = indexed.Annotation?.Vector is { Length: > 0 } v ? new JsonArray([.. v.Select(x => JsonValue.Create(x))]) : null,
        };
    }

    /// <summary>True when the index exists on the server (it is created on first use otherwise, empty).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        var response = await client.Indices.ExistsAsync(new Elastic.Clients.Elasticsearch.IndexManagement.ExistsRequest(indexName), cancellationToken);
        return response.Exists;
    }

    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (exists)
        {
            return;
        }

        await created.WaitAsync(cancellationToken);
        try
        {
            if (exists)
            {
                return;
            }

            if ((await client.Indices.ExistsAsync(new Elastic.Clients.Elasticsearch.IndexManagement.ExistsRequest(indexName), cancellationToken)).Exists)
            {
                exists = true;
                return;
            }

            var response = await client.Transport.RequestAsync<StringResponse>(
                Elastic.Transport.HttpMethod.PUT, $"/{indexName}", PostData.String(IndexDefinition().ToJsonString()), cancellationToken);
            if (!response.ApiCallDetails.HasSuccessfulStatusCode && !response.Body.Contains("resource_already_exists", StringComparison.Ordinal))
            {
                Ensure(false, response);
            }

            exists = true;
        }
        finally
        {
            created.Release();
        }
    }

    /// <summary>Settings and mappings: keywords for filters and concepts, whitespace for stems, a language analyzer with thesaurus synonyms per language.</summary>
    private JsonObject IndexDefinition()
    {
        var analyzers = new JsonObject { ["stems"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "whitespace" } };
        var filters = new JsonObject();
        var properties = new JsonObject
        {
            ["id"] = Keyword(), ["org"] = Keyword(), ["kind"] = Keyword(), ["status"] = Keyword(), ["hazardous"] = Keyword(),
            ["acceptsHazardous"] = Keyword(), ["lang"] = Keyword(), ["concept"] = Keyword(),
            ["text"] = new JsonObject { ["type"] = "text", ["analyzer"] = "stems", ["similarity"] = "BM25" },
            ["snapshot"] = new JsonObject { ["type"] = "keyword", ["index"] = false, ["doc_values"] = false },
            ["annotation"] = new JsonObject { ["type"] = "keyword", ["index"] = false, ["doc_values"] = false },
            ["vector"] = new JsonObject { ["type"] = "dense_vector", ["dims"] = ElasticsearchQuery.VectorDimensions, ["index"] = true, ["similarity"] = "cosine" },
        };
        var names = new Dictionary<string, string> { ["en"] = "english", ["de"] = "german", ["fr"] = "french", ["es"] = "spanish", ["it"] = "italian", ["nl"] = "dutch" };
        foreach (var (lang, name) in names)
        {
            var synonyms = knowledge.Thesaurus
                .Select(g => g.Terms.Where(t => t.Language == lang).Select(t => t.Term.Replace(",", " ", StringComparison.Ordinal).ToLowerInvariant()).Distinct().ToList())
                .Where(t => t.Count > 1)
                .Select(t => JsonValue.Create(string.Join(", ", t)))
                .ToList();
            var chain = new JsonArray("lowercase", "asciifolding");
            if (synonyms.Count > 0)
            {
                filters[$"{lang}_synonyms"] = new JsonObject { ["type"] = "synonym_graph", ["lenient"] = true, ["synonyms"] = new JsonArray([.. synonyms]) };
                chain.Add($"{lang}_synonyms");
            }

            filters[$"{lang}_stop"] = new JsonObject { ["type"] = "stop", ["stopwords"] = $"_{name}_" };
            filters[$"{lang}_stemmer"] = new JsonObject { ["type"] = "stemmer", ["language"] = name };
            chain.Add($"{lang}_stop");
            chain.Add($"{lang}_stemmer");
            analyzers[$"text_{lang}"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = chain };
            properties["raw_" + lang] = new JsonObject { ["type"] = "text", ["analyzer"] = $"text_{lang}" };
        }

        return new JsonObject
        {
            ["settings"] = new JsonObject { ["analysis"] = new JsonObject { ["filter"] = filters, ["analyzer"] = analyzers } },
            ["mappings"] = new JsonObject { ["properties"] = properties },
        };

        static JsonObject Keyword() => new() { ["type"] = "keyword" };
    }

    public void Dispose() => created.Dispose();

    private static void Ensure(bool ok, TransportResponse response)
    {
        if (!ok)
        {
            var details = response.ApiCallDetails;
            var body = details.ResponseBodyInBytes is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes)
                : (details.OriginalException as TransportException)?.DebugInformation ?? details.DebugInformation ?? "";
            throw new HttpRequestException(
                $"Elasticsearch answered {details.HttpStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} to {details.HttpMethod} {details.Uri?.AbsolutePath}: {body[..Math.Min(body.Length, 500)]}",
                details.OriginalException);
        }
    }
}
