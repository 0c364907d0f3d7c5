using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Listings.Contracts;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marketplace.Matching.Search;

/// <summary>
/// The embedded engine: one Lucene index under the data directory, near-real-time readers, commits batched
/// by a timer so a burst of events costs one fsync.
/// </summary>
public sealed class LuceneListingIndex : IListingIndex, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly LuceneDirectory directory;
    private readonly Analyzer analyzer = new EnglishAnalyzer(Version);
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly Timer committer;

    public LuceneListingIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        committer = new Timer(_ => Commit(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public Task UpsertAsync(ListingSnapshot listing, CancellationToken cancellationToken)
    {
        var doc = new Document
        {
            new StringField("id", listing.ListingId.ToString(), Field.Store.YES),
            new StringField("org", listing.OrganisationId.ToString(), Field.Store.NO),
            new StringField("kind", listing.Kind, Field.Store.NO),
            new StringField("class", listing.ResourceClass, Field.Store.NO),
            new StringField("status", listing.Status, Field.Store.NO),
            new StringField("hazardous", listing.Hazardous ? "1" : "0", Field.Store.NO),
            new StringField("acceptsHazardous", listing.AcceptsHazardous ? "1" : "0", Field.Store.NO),
            new TextField("title", listing.Title, Field.Store.NO),
            new TextField("text", $"{listing.Title}\n{listing.Description}", Field.Store.NO),
            new StoredField("snapshot", JsonSerializer.Serialize(listing, Json)),
        };
        if (listing.EwcCode is { } ewc)
        {
            doc.Add(new StringField("ewc", ewc, Field.Store.NO));
        }

        writer.UpdateDocument(new Term("id", listing.ListingId.ToString()), doc);
        searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid listingId, CancellationToken cancellationToken)
    {
        writer.DeleteDocuments(new Term("id", listingId.ToString()));
        searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(ListingSnapshot source, int limit, CancellationToken cancellationToken)
    {
        var query = new BooleanQuery
        {
            { Filter("kind", source.Kind == "offer" ? "want" : "offer"), Occur.MUST },
            { Filter("status", "published"), Occur.MUST },
            { new TermQuery(new Term("org", source.OrganisationId.ToString())), Occur.MUST_NOT },
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

        var text = new BooleanQuery();
        foreach (var term in Analyse($"{source.Title} {source.Title} {source.Description}").Distinct().Take(256))
        {
            text.Add(new TermQuery(new Term("text", term)), Occur.SHOULD);
        }

        text.Add(new TermQuery(new Term("class", source.ResourceClass)) { Boost = 0.5f }, Occur.SHOULD);
        if (source.EwcCode is { } ewc)
        {
            text.Add(new TermQuery(new Term("ewc", ewc)) { Boost = 2f }, Occur.SHOULD);
        }

        query.Add(text, Occur.MUST);

        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(query, limit);
            IReadOnlyList<IndexHit> hits = [.. top.ScoreDocs.Select(d => new IndexHit(
                JsonSerializer.Deserialize<ListingSnapshot>(searcher.Doc(d.Doc).Get("snapshot"), Json)!, d.Score))];
            return Task.FromResult(hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Lucene 4.8 has no FILTER clause: a constant-score clause with no weight restricts without scoring.</summary>
    private static ConstantScoreQuery Filter(string field, string value) => new(new TermQuery(new Term(field, value))) { Boost = 0f };

    private List<string> Analyse(string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }

        stream.End();
        return terms;
    }

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
        Commit();
        searchers.Dispose();
        writer.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }
}
