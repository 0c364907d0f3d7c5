using System.Globalization;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Marketplace.Matching.Quality;

/// <summary>The plain full-text baseline: the same listings in an in-memory Lucene index, BM25 on title and description only.</summary>
internal sealed class Baseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly IndexSearcher searcher;
    private readonly EnglishAnalyzer analyzer = new(Version);

    public Baseline(IEnumerable<Side> sides)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)))
        {
            foreach (var side in sides)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", side.ListingId.ToString(), Field.Store.YES),
                    new StringField("kind", side.Kind, Field.Store.NO),
                    new TextField("text", $"{side.Title}\n{side.Description}", Field.Store.NO),
                });
            }
        }

        searcher = new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
    }

    public void Dispose()
    {
        searcher.IndexReader.Dispose();
        analyzer.Dispose();
    }

    public IReadOnlyList<MatchItem> Search(Side source, int limit)
    {
        var parser = new QueryParser(Version, "text", analyzer) { DefaultOperator = Operator.OR };
        var text = QueryParserBase.Escape($"{source.Title} {source.Description}");
        var query = new BooleanQuery
        {
            { parser.Parse(text), Occur.MUST },
            { new TermQuery(new Term("kind", source.Kind == "offer" ? "want" : "offer")), Occur.MUST },
        };
        return [.. searcher.Search(query, limit).ScoreDocs.Select(d => new MatchItem(Guid.Empty, Guid.Parse(searcher.Doc(d.Doc).Get("id", CultureInfo.InvariantCulture)), "pair", d.Score, null, null))];
    }
}
