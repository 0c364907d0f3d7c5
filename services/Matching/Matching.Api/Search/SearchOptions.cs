using System.ComponentModel.DataAnnotations;

namespace Marketplace.Matching.Search;

/// <summary>Section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How many suggestions are kept per listing.</summary>
    [Range(1, 200)]
    public int SuggestionsPerListing { get; set; } = 25;

    /// <summary>Candidates read from the index before scoring.</summary>
    [Range(1, 2000)]
    public int Candidates { get; set; } = 200;

    /// <summary>Decoded candidates the embedded engine keeps in memory (about 5 KB each); 0 turns the cache off.</summary>
    [Range(0, 1_000_000)]
    public int CachedCandidates { get; set; } = 40_000;

    /// <summary>
    /// Pairings scoring below this are not suggested, even with semantic evidence (<c>Evidence</c>). Calibrated with
    /// the evidence floors on the four quality sets (bench/Matching.Quality/README.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinimumScore { get; set; } = 0.33;

    /// <summary>
    /// Sentence embeddings as one more signal (issue 15 point 2): <c>Off</c> (default, see docs/configuration.md for
    /// the measurements behind it) or <c>MiniLM</c> (all-MiniLM-L6-v2, shipped in a package, CPU). Changing it needs a
    /// reindex for listings indexed before.
    /// </summary>
    [RegularExpression("^(Off|MiniLM)$")]
    public string Vectors { get; set; } = "Off";

    /// <summary>Nearest counterparts by vector added to the BM25/knowledge candidates when vectors are on.</summary>
    [Range(0, 500)]
    public int VectorCandidates { get; set; } = 30;

    /// <summary>
    /// Reciprocal lists (issue 15; <see cref="Matches.Reciprocity"/>, docs/decisions/0015): a listing is shown a
    /// suggestion only when each side is among the other's this many best by confidence (5, the default, as measured);
    /// equal confidences share a rank, and a listing left with nothing still sees a strong best. 0 shows every open
    /// suggestion, best score first.
    /// </summary>
    [Range(0, 25)]
    public int MutualTop { get; set; } = Matches.Reciprocity.MutualTop;

    /// <summary>
    /// With reciprocal lists on, a suggestion scoring below this is shown only as the first of a listing's list (or when
    /// a side has acted on it): weak runners-up were mostly noise on the quality sets (<see cref="Matches.Reciprocity.ShownFloor"/>,
    /// docs/decisions/0020). 0 shows every mutual suggestion.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ShownFloor { get; set; } = Matches.Reciprocity.ShownFloor;

    /// <summary>
    /// After a listing is matched, at most this many larger counterparts it could help cover have their pool (bundle)
    /// proposed again, each at the cost of one more search and scoring (<c>SuggestionService.PoolAgainAsync</c>; about
    /// 12 ms of a consumer's p50 each at 100,000 listings, bench/Matching.Bench). 1, the default, re-pools the best such
    /// counterpart. 0 proposes a pool only when the listing it serves is matched, so one needs its members posted first.
    /// </summary>
    [Range(0, 25)]
    public int PoolsProposedAgain { get; set; } = 1;

    /// <summary><c>Lucene</c> (embedded, default) or <c>Elasticsearch</c>.</summary>
    [RegularExpression("^(Lucene|Elasticsearch)$")]
    public string Engine { get; set; } = "Lucene";

    /// <summary>Base URL of the Elasticsearch server when <see cref="Engine"/> is Elasticsearch.</summary>
    public Uri? ElasticsearchUrl { get; set; }

    /// <summary>API key for Elasticsearch (preferred over user and password); from a Secret in a cluster.</summary>
    public string? ElasticsearchApiKey { get; set; }

    /// <summary>User for Elasticsearch basic authentication, when no API key is set.</summary>
    public string? ElasticsearchUsername { get; set; }

    /// <summary>Password for <see cref="ElasticsearchUsername"/>.</summary>
    public string? ElasticsearchPassword { get; set; }

    /// <summary>SHA-256 fingerprint of the server's CA or certificate, for an https URL with a self-signed chain.</summary>
    public string? ElasticsearchCertificateFingerprint { get; set; }

    /// <summary>Index name in Elasticsearch.</summary>
    public string ElasticsearchIndex { get; set; } = "marketplace-listings";

    /// <summary>Where the embedded engine keeps its index; <c>&lt;DataDir&gt;/matching-index</c> by default.</summary>
    public string? IndexDirectory { get; set; }

    /// <summary>Where the knowledge files are; the app's own knowledge/ folder by default.</summary>
    public string? KnowledgeDirectory { get; set; }
}
