using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Search;

/// <summary>
/// The distributed engine, over Elasticsearch's REST API. Documents carry the same pre-analysed stems and concepts
/// as the Lucene engine, so both rank alike; the raw text is also indexed per language with the built-in language
/// analyzers and a synonym filter built from the thesaurus, for operators' ad-hoc queries. Each write refreshes
/// (wait_for), which keeps "upsert before search"; bulk loads refresh once at the end.
/// </summary>
public sealed class ElasticsearchListingIndex(HttpClient http, Uri baseUrl, string indexName, KnowledgeBase knowledge) : IListingIndex, IDisposable
{
    public const string HttpClientName = "elasticsearch";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim created = new(1, 1);
    private bool exists;

    public async Task UpsertAsync(IndexedListing listing, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        using var response = await http.PutAsJsonAsync(Url($"{indexName}/_doc/{listing.Listing.ListingId}?refresh=wait_for"), ToDocument(listing), Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task UpsertManyAsync(IReadOnlyCollection<IndexedListing> listings, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        foreach (var chunk in listings.Chunk(1000))
        {
            var body = new StringBuilder();
            foreach (var listing in chunk)
            {
                body.Append("{\"index\":{\"_id\":\"").Append(listing.Listing.ListingId).Append("\"}}\n");
                body.Append(ToDocument(listing).ToJsonString()).Append('\n');
            }

            using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
            using var response = await http.PostAsync(Url($"{indexName}/_bulk"), content, cancellationToken);
            await EnsureSuccessAsync(response, cancellationToken);
        }

        using var refresh = await http.PostAsync(Url($"{indexName}/_refresh"), null, cancellationToken);
        await EnsureSuccessAsync(refresh, cancellationToken);
    }

    public async Task RemoveAsync(Guid listingId, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        using var response = await http.DeleteAsync(Url($"{indexName}/_doc/{listingId}?refresh=wait_for"), cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, cancellationToken);
        }
    }

    public async Task CompactAsync(CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);

        // a rebuilt index has been written in one go, the case force-merge is meant for; it waits for the merge
        using var merge = await http.PostAsync(Url($"{indexName}/_forcemerge?max_num_segments=1"), null, cancellationToken);
        await EnsureSuccessAsync(merge, cancellationToken);
        using var refresh = await http.PostAsync(Url($"{indexName}/_refresh"), null, cancellationToken);
        await EnsureSuccessAsync(refresh, cancellationToken);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(Url(indexName), cancellationToken);
        exists = false;
        await EnsureIndexAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(CandidateQuery query, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        using var response = await http.PostAsJsonAsync(Url($"{indexName}/_search"), ToQuery(query), Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(Json, cancellationToken);
        var hits = body?["hits"]?["hits"]?.AsArray() ?? [];
        return [.. hits.Select(h => new IndexHit(
            JsonSerializer.Deserialize<ListingSnapshot>(h!["_source"]!["snapshot"]!.GetValue<string>(), Json)!,
            h["_score"]?.GetValue<double>() ?? 0)
        {
            AnnotationJson = h["_source"]?["annotation"]?.GetValue<string>(),
        })];
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
        };
    }

    private static JsonObject ToQuery(CandidateQuery q)
    {
        var s = q.Source;
        var filter = new JsonArray
        {
            Term("kind", Counterparts.KindFor(s.Kind)),
            Term("status", "published"),
        };
        var mustNot = new JsonArray { Term("org", s.OrganisationId.ToString()), Term("id", s.ListingId.ToString()) };
        switch (Counterparts.HazardRuleFor(s))
        {
            case HazardRule.MustAcceptHazardous:
                filter.Add(Term("acceptsHazardous", "1"));
                break;
            case HazardRule.MustNotBeHazardous:
                mustNot.Add(Term("hazardous", "1"));
                break;
        }

        var should = new JsonArray();
        foreach (var (concept, weight) in q.Concepts)
        {
            should.Add(new JsonObject { ["term"] = new JsonObject { ["concept"] = new JsonObject { ["value"] = concept, ["boost"] = Math.Max(weight, 0.05f) * 3f } } });
        }

        foreach (var stem in q.Stems.Distinct().Take(CandidateQuery.MaxStems))
        {
            should.Add(new JsonObject { ["term"] = new JsonObject { ["text"] = new JsonObject { ["value"] = stem, ["boost"] = 0.5 } } });
        }

        return new JsonObject
        {
            ["size"] = q.Limit,
            ["_source"] = new JsonArray("snapshot", "annotation"),
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject { ["filter"] = filter, ["must_not"] = mustNot, ["should"] = should, ["minimum_should_match"] = 1 },
            },
        };
    }

    private static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    /// <summary>True when the index exists on the server (it is created on first use otherwise, empty).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url(indexName)), cancellationToken);
        return head.IsSuccessStatusCode;
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

            using (var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url(indexName)), cancellationToken))
            {
                if (head.IsSuccessStatusCode)
                {
                    exists = true;
                    return;
                }
            }

            using var response = await http.PutAsJsonAsync(Url(indexName), IndexDefinition(), Json, cancellationToken);
            if (response.StatusCode != HttpStatusCode.BadRequest || !(await response.Content.ReadAsStringAsync(cancellationToken)).Contains("resource_already_exists", StringComparison.Ordinal))
            {
                await EnsureSuccessAsync(response, cancellationToken);
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

    private Uri Url(string path) => new(baseUrl, path);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"Elasticsearch answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}", null, response.StatusCode);
        }
    }
}
