using System.Text.Json.Nodes;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Search;

/// <summary>
/// The Elasticsearch candidate query: filters, the concept and stem disjunction and, when the source has a vector,
/// a kNN clause over the <c>dense_vector</c> field under the same filters.
/// </summary>
public static class ElasticsearchQuery
{
    /// <summary>all-MiniLM-L6-v2 (<see cref="MiniLmEmbedder"/>): the mapping's dense_vector dimensions.</summary>
    public const int VectorDimensions = 384;

    public static JsonObject For(CandidateQuery q)
    {
        var s = q.Source;
        var filter = new JsonArray
        {
            Term("kind", Counterparts.KindFor(s.Kind)),
            Term("status", ListingStatuses.Published),
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

        var body = new JsonObject
        {
            ["size"] = q.Limit,
            ["_source"] = new JsonArray("snapshot", "annotation", "vector"),
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject { ["filter"] = filter, ["must_not"] = mustNot, ["should"] = should, ["minimum_should_match"] = 1 },
            },
        };
        if (q.Vector is { Length: > 0 } vector && q.VectorCandidates > 0)
        {
            // the k nearest counterparts under the same filters join the BM25/knowledge hits (Elasticsearch sums the scores of both)
            body["knn"] = new JsonObject
            {
                ["field"] = "vector",
                ["query_vector"] = new JsonArray([.. vector.Select(x => JsonValue.Create(x))]),
                ["k"] = q.VectorCandidates,
                ["num_candidates"] = Math.Max(100, 2 * q.VectorCandidates),
                ["filter"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter.DeepClone(), ["must_not"] = mustNot.DeepClone() } },
            };
        }

        return body;
    }

    private static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    /// <summary>The hit with the vector stored in its document, for the scorer's vector component.</summary>
    public static IndexHit WithVector(IndexHit hit, JsonNode? vector)
    {
        if (vector is not JsonArray values || values.Count == 0 || AnnotationCodec.Decode(hit.AnnotationJson) is not { } annotation)
        {
            return hit;
        }

        return hit with { Annotation = annotation with { Vector = [.. values.Select(v => v!.GetValue<float>())] } };
    }
}
