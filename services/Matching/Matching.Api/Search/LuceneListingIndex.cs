using System.Text.Json;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marketplace.Matching.Search;

/// <summary>
/// The embedded engine: one Lucene index under the data directory. Text arrives already analysed in the
/// listing's language (so one field serves six languages), concepts as exact terms. A reopen thread keeps
/// readers fresh; a writer waits only for its own generation before it searches, and bulk loads never wait.
/// </summary>
public sealed class LuceneListingIndex : IListingIndex, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Text terms per query: concepts carry the semantics, stems only refine.</summary>
    internal const int MaxStems = 64;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly TrackingIndexWriter tracking;
    private readonly SearcherManager searchers;
    private readonly ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private readonly Timer committer;
    private long lastGeneration;

    public LuceneListingIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version)) { OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 64 };
        writer = new IndexWriter(directory, config);
        tracking = new TrackingIndexWriter(writer);
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        reopener = new ControlledRealTimeReopenThread<IndexSearcher>(tracking, searchers, targetMaxStaleSec: 1.0, targetMinStaleSec: 0.005)
        {
            Name = "matching-index-reopen",
            IsBackground = true,
        };
        reopener.Start();
        committer = new Timer(_ => Commit(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public Task UpsertAsync(IndexedListing listing, CancellationToken cancellationToken)
    {
        Track(tracking.UpdateDocument(new Term("id", listing.Listing.ListingId.ToString()), ToDocument(listing)));
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IReadOnlyCollection<IndexedListing> listings, CancellationToken cancellationToken)
    {
        foreach (var listing in listings)
        {
            Track(tracking.UpdateDocument(new Term("id", listing.Listing.ListingId.ToString()), ToDocument(listing)));
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid listingId, CancellationToken cancellationToken)
    {
        Track(tracking.DeleteDocuments(new Term("id", listingId.ToString())));
        return Task.CompletedTask;
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        Track(tracking.DeleteAll());
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(CandidateQuery query, CancellationToken cancellationToken)
    {
        // Upsert before search: whatever this process wrote so far is visible to this search.
        reopener.WaitForGeneration(Interlocked.Read(ref lastGeneration));
        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(ToQuery(query, searcher.IndexReader), query.Limit);
            IReadOnlyList<IndexHit> hits = [.. top.ScoreDocs.Select(d =>
            {
                var doc = searcher.Doc(d.Doc);
                return new IndexHit(JsonSerializer.Deserialize<Listings.Contracts.ListingSnapshot>(doc.Get("snapshot"), Json)!, d.Score)
                {
                    AnnotationJson = doc.Get("annotation"),
                };
            })];
            return Task.FromResult(hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void Track(long generation)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref lastGeneration);
        }
        while (generation > current && Interlocked.CompareExchange(ref lastGeneration, generation, current) != current);
    }

    private static Document ToDocument(IndexedListing indexed)
    {
        var listing = indexed.Listing;
        var doc = new Document
        {
            new StringField("id", listing.ListingId.ToString(), Field.Store.YES),
            new StringField("org", listing.OrganisationId.ToString(), Field.Store.NO),
            new StringField("kind", listing.Kind, Field.Store.NO),
            new StringField("status", listing.Status, Field.Store.NO),
            new StringField("hazardous", listing.Hazardous ? "1" : "0", Field.Store.NO),
            new StringField("acceptsHazardous", listing.AcceptsHazardous ? "1" : "0", Field.Store.NO),
            new StringField("lang", indexed.Language, Field.Store.NO),
            new TextField("text", string.Join(' ', indexed.Stems), Field.Store.NO),
            new StoredField("snapshot", JsonSerializer.Serialize(listing, Json)),
        };
        if (indexed.AnnotationJson is { } annotation)
        {
            doc.Add(new StoredField("annotation", annotation));
        }

        foreach (var concept in indexed.Concepts.Distinct())
        {
            doc.Add(new StringField("concept", concept, Field.Store.NO));
        }

        return doc;
    }

    private static BooleanQuery ToQuery(CandidateQuery q, IndexReader reader)
    {
        var source = q.Source;
        var query = new BooleanQuery
        {
            { Filter("kind", source.Kind == "offer" ? "want" : "offer"), Occur.MUST },
            { Filter("status", "published"), Occur.MUST },
            { new TermQuery(new Term("org", source.OrganisationId.ToString())), Occur.MUST_NOT },
            { new TermQuery(new Term("id", source.ListingId.ToString())), Occur.MUST_NOT },
        };

        // A hazardous offer never reaches a want without the permit, and the reverse.
        if (source.Kind == "offer" && source.Hazardous)
        {
            query.Add(Filter("acceptsHazardous", "1"), Occur.MUST);
        }
        else if (source.Kind == "want" && !source.AcceptsHazardous)
        {
            query.Add(new TermQuery(new Term("hazardous", "1")), Occur.MUST_NOT);
        }

        // Terms in more than a tenth of the index (a resource class, a broad thesaurus group, a frequent word) say
        // little and cost a walk over most postings; pattern concepts always count.
        var common = Math.Max(50, reader.NumDocs / 10);
        var relevance = new BooleanQuery();
        foreach (var (concept, weight) in q.Concepts)
        {
            var term = new Term("concept", concept);
            if (concept.StartsWith("pr:", StringComparison.Ordinal) || concept.StartsWith("pu:", StringComparison.Ordinal) || reader.DocFreq(term) <= common)
            {
                relevance.Add(new TermQuery(term) { Boost = Math.Max(weight, 0.05f) * 3f }, Occur.SHOULD);
            }
        }

        foreach (var stem in q.Stems.Distinct().Take(MaxStems))
        {
            var term = new Term("text", stem);
            if (reader.DocFreq(term) <= common)
            {
                relevance.Add(new TermQuery(term) { Boost = 0.5f }, Occur.SHOULD);
            }
        }

        if (relevance.Clauses.Count > BooleanQuery.MaxClauseCount)
        {
            BooleanQuery.MaxClauseCount = relevance.Clauses.Count;
        }

        query.Add(relevance, Occur.MUST);
        return query;
    }

    /// <summary>Lucene 4.8 has no FILTER clause: a constant-score clause with no weight restricts without scoring.</summary>
    private static ConstantScoreQuery Filter(string field, string value) => new(new TermQuery(new Term(field, value))) { Boost = 0f };

    private void Commit()
    {
        try
        {
            if (writer.HasUncommittedChanges())
            {
                writer.Commit();
            }
        }
        catch (ObjectDisposedException)
        {
            // shutting down
        }
    }

    public void Dispose()
    {
        committer.Dispose();
        reopener.Dispose();
        Commit();
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }
}
