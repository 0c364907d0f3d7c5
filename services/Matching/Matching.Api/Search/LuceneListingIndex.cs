using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marketplace.Matching.Search;

/// <summary>The index directory is held by another process (a running host).</summary>
public sealed class IndexInUseException(string path, Exception inner)
    : InvalidOperationException($"The search index at {path} is in use by another process (a running host). One process per index directory.", inner);

/// <summary>Where one candidate search spent its time (benchmarks).</summary>
public sealed class SearchTimings
{
    /// <summary>Making recent writes visible (waiting for a reopen).</summary>
    public TimeSpan Visible { get; set; }

    /// <summary>Building the query (document-frequency checks).</summary>
    public TimeSpan Query { get; set; }

    /// <summary>Running it for the top hits.</summary>
    public TimeSpan Search { get; set; }

    /// <summary>Reading and decoding the hits' stored fields.</summary>
    public TimeSpan Load { get; set; }

    public int Clauses { get; set; }

    /// <summary>Index segments searched.</summary>
    public int Segments { get; set; }

    /// <summary>Sum of the document frequencies of the query's terms (postings to walk).</summary>
    public long Postings { get; set; }

    /// <summary>Hits decoded from the candidate cache rather than the stored document.</summary>
    public int CacheHits { get; set; }

    /// <summary>Candidates taken from the writes not yet visible to the reader.</summary>
    public int Recent { get; set; }
}

/// <summary>
/// The embedded engine: one Lucene index under the data directory. Text arrives already analysed in the
/// listing's language (so one field serves six languages), concepts as exact terms.
/// </summary>
/// <remarks>
/// "Upsert before search" without waiting for a reopen: a listing written by <see cref="UpsertAsync"/> (or removed)
/// stays in a small in-memory set of recent writes until a reopened reader shows it, and every search considers
/// that set beside the reader's hits (same filters, at least one query term in common), so of two listings
/// published at about the same time the later search always finds the earlier. A background thread reopens at
/// most every <see cref="ReopenInterval"/> while writes arrive. Candidates come back decoded from a bounded cache
/// keyed by listing id and version (read from doc values), so a popular candidate is decoded once; the others are
/// decoded from one binary doc value, sharing their vocabulary and pattern fits with those decoded before.
/// </remarks>
public sealed class LuceneListingIndex : IListingIndex, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Text terms per query: concepts carry the semantics, stems only refine.</summary>
    internal const int MaxStems = 64;

    /// <summary>Postings a query may walk at least (see <see cref="ToQuery"/>); a fifth of the index when larger.</summary>
    internal const int MinPostingsBudget = 20_000;

    /// <summary>The strongest terms of a query count whatever their postings.</summary>
    internal const int AlwaysTaken = 3;

    /// <summary>Shortest gap between two reopens while writes keep arriving; the longest is a second.</summary>
    public static readonly TimeSpan ReopenInterval = TimeSpan.FromMilliseconds(100);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly HashSet<string> HitFields = ["candidate", "snapshot", "annotation"];
    private static readonly HashSet<string> IdField = ["id"];
    private readonly FileStream hostLock;
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly TrackingIndexWriter tracking;
    private readonly SearcherManager searchers;
    private readonly Timer committer;
    private readonly Thread reopener;
    private readonly AutoResetEvent written = new(false);
    private readonly System.Threading.Lock writeLock = new();
    private readonly System.Threading.Lock refreshLock = new();
    private readonly ConcurrentDictionary<Guid, Recent> recent = new();
    private readonly CandidateCache cache;
    private readonly DocFreqCache docFreqs = new();
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<FilterKey, FixedBitSet>> segmentFilters = new();
    private long visibleGeneration = -1;
    private long bulkGeneration = -1;
    private volatile bool disposed;

    /// <param name="path">Index directory.</param>
    /// <param name="cachedCandidates">Decoded candidates kept in memory (about 5 KB each; see <see cref="CandidateCache"/>).</param>
    /// <param name="backgroundReopen">False only in tests that must see searches served from the recent writes.</param>
    public LuceneListingIndex(string path, int cachedCandidates = 40_000, bool backgroundReopen = true)
    {
        System.IO.Directory.CreateDirectory(path);
        hostLock = HoldIndex(path);
        try
        {
            directory = FSDirectory.Open(path);
            var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version)) { OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 64 };
            writer = new IndexWriter(directory, config);
        }
        catch
        {
            hostLock.Dispose(); // an index that cannot be opened must not stay locked until the finaliser runs
            throw;
        }

        tracking = new TrackingIndexWriter(writer);
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        cache = new CandidateCache(cachedCandidates);
        reopener = new Thread(ReopenLoop) { Name = "matching-index-reopen", IsBackground = true };
        if (backgroundReopen)
        {
            reopener.Start();
        }
        committer = new Timer(_ => Commit(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    /// <summary>Writes not yet shown by a reopened reader (diagnostics, tests).</summary>
    public int RecentCount => recent.Count;

    public Task UpsertAsync(IndexedListing listing, CancellationToken cancellationToken)
    {
        var id = listing.Listing.ListingId;
        var doc = ToDocument(listing);
        lock (writeLock)
        {
            // under the lock, so the recent entry is always the one the writer holds last
            var generation = tracking.UpdateDocument(new Term("id", id.ToString()), doc);
            recent[id] = new Recent(listing, generation);
        }

        if (listing.Annotation is { } annotation)
        {
            cache.Put(id, new CachedCandidate(listing.Listing, annotation));
        }

        written.Set();
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IReadOnlyCollection<IndexedListing> listings, CancellationToken cancellationToken)
    {
        var generation = -1L;
        foreach (var listing in listings)
        {
            generation = tracking.UpdateDocument(new Term("id", listing.Listing.ListingId.ToString()), ToDocument(listing));
        }

        // bulk writes are not kept as recent: the next search reopens first (the rebuild case, rare)
        TrackBulk(generation);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid listingId, CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            recent[listingId] = new Recent(null, tracking.DeleteDocuments(new Term("id", listingId.ToString())));
        }

        cache.Remove(listingId);
        written.Set();
        return Task.CompletedTask;
    }

    public Task CompactAsync(CancellationToken cancellationToken)
    {
        // one segment: single writes arriving meanwhile are merged too or stay in small segments of their own
        writer.ForceMerge(1, doWait: true);
        writer.Commit(); // a rebuild is durable when it returns, not at the next periodic commit
        Refresh();
        return Task.CompletedTask;
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            tracking.DeleteAll();
            recent.Clear();
            cache.Clear();
        }

        Refresh();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(CandidateQuery query, CancellationToken cancellationToken) =>
        FindCandidatesAsync(query, null, cancellationToken);

    /// <summary>As <see cref="FindCandidatesAsync(CandidateQuery, CancellationToken)"/>, recording where the time went.</summary>
    public Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(CandidateQuery query, SearchTimings? timings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (Interlocked.Read(ref bulkGeneration) > Interlocked.Read(ref visibleGeneration))
        {
            Refresh();
        }

        // Recent writes first, then the reader: a reopen removes entries only after its reader is current, so
        // whatever is missing from this reader is still in the copy.
        var fresh = recent.IsEmpty ? null : recent.ToDictionary(e => e.Key, e => e.Value.Listing);
        var searcher = searchers.Acquire();
        try
        {
            var visible = Stopwatch.GetTimestamp();
            var (q, filter, terms) = ToQuery(query, searcher.IndexReader);
            var built = Stopwatch.GetTimestamp();
            var top = SearchFiltered(searcher, q, filter, query.Limit, timings);
            var searched = Stopwatch.GetTimestamp();
            var hits = new List<IndexHit>(top.ScoreDocs.Length + (fresh?.Count ?? 0));
            var leaves = searcher.IndexReader.Leaves;
            var scratch = new BytesRef(); // one buffer for every doc value this search reads
            foreach (var d in top.ScoreDocs)
            {
                var (id, version) = Identify(leaves, d.Doc, scratch);
                if (fresh is not null)
                {
                    // a segment written before the doc values existed: the stored id, and any recent write wins
                    id ??= Guid.Parse(searcher.Doc(d.Doc, IdField).Get("id"));
                    if (fresh.Remove(id.Value, out var newer) && (newer is null || newer.Listing.Version >= version))
                    {
                        // written since this reader opened: the newer snapshot counts, a removal drops the hit
                        if (newer is not null && Passes(newer.Listing, query.Source))
                        {
                            hits.Add(Hit(newer, d.Score));
                        }

                        continue;
                    }
                }

                hits.Add(Load(searcher, d, id, version, scratch, timings));
            }

            if (fresh is not null)
            {
                var added = false;
                foreach (var listing in fresh.Values)
                {
                    if (listing is not null && Passes(listing.Listing, query.Source) && terms.Score(listing) is > 0 and var score)
                    {
                        hits.Add(Hit(listing, score));
                        added = true;
                        if (timings is not null)
                        {
                            timings.Recent++;
                        }
                    }
                }

                if (added)
                {
                    // ranked among the reader's hits by the score the reader would give them, cut at the same limit
                    var ranked = hits.OrderByDescending(h => h.TextScore).Take(query.Limit).ToList();
                    hits = ranked;
                }
            }

            if (timings is not null)
            {
                timings.Visible = Stopwatch.GetElapsedTime(started, visible);
                timings.Query = Stopwatch.GetElapsedTime(visible, built);
                timings.Search = Stopwatch.GetElapsedTime(built, searched);
                timings.Load = Stopwatch.GetElapsedTime(searched);
                timings.Clauses = terms.Concepts.Count + terms.Stems.Count;
                timings.Postings = terms.Postings;
            }

            return Task.FromResult<IReadOnlyList<IndexHit>>(hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Makes every write so far visible to the reader (tests, benchmarks; searches never need it).</summary>
    public void Refresh()
    {
        lock (refreshLock)
        {
            var generation = tracking.GetAndIncrementGeneration();
            searchers.MaybeRefreshBlocking();
            Interlocked.Exchange(ref visibleGeneration, generation);
            foreach (var entry in recent)
            {
                if (entry.Value.Generation <= generation)
                {
                    ((ICollection<KeyValuePair<Guid, Recent>>)recent).Remove(entry); // only if not written again since
                }
            }
        }
    }

    private void ReopenLoop()
    {
        while (!disposed)
        {
            written.WaitOne(TimeSpan.FromSeconds(1));
            if (disposed)
            {
                return;
            }

            try
            {
                Refresh();
            }
            catch (ObjectDisposedException)
            {
                return; // Lucene.NET's AlreadyClosedException
            }
            catch (Exception) when (!disposed)
            {
                // e.g. a full disk: searches still see recent writes; try again shortly rather than stop reopening
                Thread.Sleep(TimeSpan.FromSeconds(1));
                written.Set();
                continue;
            }

            Thread.Sleep(ReopenInterval); // let writes gather: one reopen for many of them
        }
    }

    private void TrackBulk(long generation)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref bulkGeneration);
        }
        while (generation > current && Interlocked.CompareExchange(ref bulkGeneration, generation, current) != current);
    }

    private static (Guid? Id, int Version) Identify(IList<AtomicReaderContext> leaves, int doc, BytesRef bytes)
    {
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var ids = leaf.AtomicReader.GetBinaryDocValues("idv");
        var versions = leaf.AtomicReader.GetNumericDocValues("version");
        if (ids is null || versions is null)
        {
            return (null, 0); // written before these doc values existed: read from the stored document
        }

        ids.Get(doc - leaf.DocBase, bytes);
        return (new Guid(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)), (int)versions.Get(doc - leaf.DocBase));
    }

    private IndexHit Load(IndexSearcher searcher, ScoreDoc d, Guid? id, int version, BytesRef bytes, SearchTimings? timings)
    {
        if (id is { } known && cache.Get(known, version) is { } cached)
        {
            if (timings is not null)
            {
                timings.CacheHits++;
            }

            return new IndexHit(cached.Listing, d.Score) { Annotation = cached.Annotation };
        }

        ListingSnapshot listing;
        Annotation? annotation;
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(d.Doc, leaves)];
        bytes.Length = 0;
        leaf.AtomicReader.GetBinaryDocValues("candidate")?.Get(d.Doc - leaf.DocBase, bytes);
        if (bytes.Length > 0)
        {
            // doc values: read in place, no stored-fields block to decompress
            (listing, annotation) = CandidateCodec.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
            cache.Put(listing.ListingId, new CachedCandidate(listing, annotation));
            return new IndexHit(listing, d.Score) { Annotation = annotation };
        }

        var doc = searcher.Doc(d.Doc, HitFields);
        if (doc.GetBinaryValue("candidate") is { } stored)
        {
            (listing, annotation) = CandidateCodec.Decode(stored.Bytes, stored.Offset, stored.Length);
        }
        else
        {
            // written before the binary field existed
            listing = JsonSerializer.Deserialize<ListingSnapshot>(doc.Get("snapshot"), Json)!;
            annotation = AnnotationCodec.Decode(doc.Get("annotation"));
        }

        if (annotation is not null)
        {
            cache.Put(listing.ListingId, new CachedCandidate(listing, annotation));
        }

        return new IndexHit(listing, d.Score) { Annotation = annotation, AnnotationJson = annotation is null ? doc.Get("annotation") : null };
    }

    private static IndexHit Hit(IndexedListing listing, double score) =>
        new(listing.Listing, score) { Annotation = listing.Annotation, AnnotationJson = listing.AnnotationJson };

    /// <summary>The query's hard filters, for listings the reader does not show yet.</summary>
    private static bool Passes(ListingSnapshot candidate, ListingSnapshot source) =>
        candidate.Kind == (source.Kind == "offer" ? "want" : "offer")
        && candidate.Status == "published"
        && candidate.OrganisationId != source.OrganisationId
        && candidate.ListingId != source.ListingId
        && (source.Kind == "offer" ? !source.Hazardous || candidate.AcceptsHazardous : source.AcceptsHazardous || !candidate.Hazardous);


    private static Document ToDocument(IndexedListing indexed)
    {
        var listing = indexed.Listing;
        var doc = new Document
        {
            new StringField("id", listing.ListingId.ToString(), Field.Store.YES),
            new BinaryDocValuesField("idv", new BytesRef(listing.ListingId.ToByteArray())),
            new NumericDocValuesField("version", listing.Version),
            new StringField("org", listing.OrganisationId.ToString(), Field.Store.NO),
            new StringField("kind", listing.Kind, Field.Store.NO),
            new StringField("status", listing.Status, Field.Store.NO),
            new StringField("hazardous", listing.Hazardous ? "1" : "0", Field.Store.NO),
            new StringField("acceptsHazardous", listing.AcceptsHazardous ? "1" : "0", Field.Store.NO),
            new StringField("lang", indexed.Language, Field.Store.NO),
            new TextField("text", string.Join(' ', indexed.Stems), Field.Store.NO),
        };
        if (indexed.Annotation is { } annotation)
        {
            doc.Add(new BinaryDocValuesField("candidate", new BytesRef(CandidateCodec.Encode(listing, annotation))));
        }
        else
        {
            doc.Add(new StoredField("snapshot", JsonSerializer.Serialize(listing, Json)));
            if (indexed.AnnotationJson is { } json)
            {
                doc.Add(new StoredField("annotation", json));
            }
        }

        foreach (var concept in indexed.Concepts.Distinct())
        {
            doc.Add(new StringField("concept", concept, Field.Store.NO));
        }

        return doc;
    }

    /// <summary>
    /// The query's relevance terms with their weights, to score a listing the reader does not hold yet as Lucene's
    /// default similarity would: coord × queryNorm × Σ tf × idf² × boost × norm (concepts have no norms, one
    /// occurrence each; the text field's norm is 1/√length, as encoded). Zero when no term is shared.
    /// </summary>
    private sealed class QueryTerms
    {
        private static readonly DefaultSimilarity Similarity = new();

        public Dictionary<string, (float Idf, float Boost)> Concepts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (float Idf, float Boost)> Stems { get; } = new(StringComparer.Ordinal);

        public long Postings { get; set; }

        public static float Idf(long docFreq, long maxDoc) => Similarity.Idf(docFreq, Math.Max(1, maxDoc)); // an empty reader still weighs terms

        public double Score(IndexedListing candidate)
        {
            var sumOfSquares = Concepts.Values.Concat(Stems.Values).Sum(t => (double)t.Idf * t.Boost * t.Idf * t.Boost);
            if (sumOfSquares <= 0)
            {
                return 0;
            }

            var queryNorm = Similarity.QueryNorm((float)sumOfSquares);
            var matched = 0;
            var sum = 0.0;
            foreach (var concept in candidate.Concepts.Distinct())
            {
                if (Concepts.TryGetValue(concept, out var t))
                {
                    sum += t.Idf * t.Idf * t.Boost * queryNorm;
                    matched++;
                }
            }

            var norm = Similarity.DecodeNormValue(Similarity.EncodeNormValue(1f / MathF.Sqrt(Math.Max(1, candidate.Stems.Count))));
            foreach (var group in candidate.Stems.GroupBy(x => x, StringComparer.Ordinal))
            {
                if (Stems.TryGetValue(group.Key, out var t))
                {
                    sum += Math.Sqrt(group.Count()) * t.Idf * t.Idf * t.Boost * queryNorm * norm;
                    matched++;
                }
            }

            return matched == 0 ? 0 : sum * Similarity.Coord(matched, Concepts.Count + Stems.Count);
        }
    }

    /// <summary>
    /// The relevance disjunction with the exclusions as MUST_NOT; kind, status and the hazard rule become a filter
    /// (see <see cref="SearchFiltered"/>).
    /// </summary>
    private (Query Query, FilterKey Filter, QueryTerms Terms) ToQuery(CandidateQuery q, IndexReader reader)
    {
        var source = q.Source;
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("org", source.OrganisationId.ToString())), Occur.MUST_NOT },
            { new TermQuery(new Term("id", source.ListingId.ToString())), Occur.MUST_NOT },
        };

        // Terms in more than a tenth of the index (a resource class, a broad thesaurus group, a frequent word) say
        // little and cost a walk over most postings; pattern concepts always qualify.
        var common = Math.Max(50, reader.NumDocs / 10);
        var clauses = new List<(string Field, string Text, float Boost, int DocFreq, float Idf)>();
        foreach (var (concept, weight) in q.Concepts)
        {
            var docFreq = docFreqs.Get(reader, "concept", concept);
            if (concept.StartsWith("pr:", StringComparison.Ordinal) || concept.StartsWith("pu:", StringComparison.Ordinal) || docFreq <= common)
            {
                clauses.Add(("concept", concept, Math.Max(weight, 0.05f) * 3f, docFreq, QueryTerms.Idf(docFreq, reader.MaxDoc)));
            }
        }

        foreach (var stem in q.Stems.Distinct().Take(MaxStems))
        {
            var docFreq = docFreqs.Get(reader, "text", stem);
            if (docFreq <= common)
            {
                clauses.Add(("text", stem, 0.5f, docFreq, QueryTerms.Idf(docFreq, reader.MaxDoc)));
            }
        }

        // Most telling terms first (query weight boost × idf, as Lucene weighs them), within a budget of postings
        // to walk: on a large index the weakest, most frequent terms add work but hardly change the top hits.
        // The strongest few always count; on a small index the budget never binds.
        var budget = Math.Max(MinPostingsBudget, reader.NumDocs / 5);
        var terms = new QueryTerms();
        var taken = 0;
        foreach (var c in clauses.OrderByDescending(c => c.Boost * c.Idf))
        {
            if (taken >= AlwaysTaken && terms.Postings + c.DocFreq > budget)
            {
                continue;
            }

            query.Add(new TermQuery(new Term(c.Field, c.Text)) { Boost = c.Boost }, Occur.SHOULD);
            (c.Field == "concept" ? terms.Concepts : terms.Stems)[c.Text] = (c.Idf, c.Boost);
            terms.Postings += c.DocFreq;
            taken++;
        }

        if (query.Clauses.Count > BooleanQuery.MaxClauseCount)
        {
            BooleanQuery.MaxClauseCount = query.Clauses.Count;
        }

        if (terms.Concepts.Count + terms.Stems.Count == 0)
        {
            query.Add(new TermQuery(new Term("id", "\0none")), Occur.SHOULD); // no relevance term: nothing matches
        }

        // A hazardous offer never reaches a want without the permit, and the reverse.
        var hazard = source.Kind == "offer" && source.Hazardous ? 1 : source.Kind == "want" && !source.AcceptsHazardous ? 2 : 0;
        var filter = new FilterKey(source.Kind == "offer" ? "want" : "offer", hazard);
        return (query, filter, terms);
    }

    /// <summary>
    /// Top hits of a query of only SHOULD and MUST_NOT clauses, with the filter handed to each segment as accepted
    /// documents. That lets Lucene use its bulk (out-of-order, windowed) scorer for the disjunction, several times
    /// faster on long postings than the in-order scorer a MUST clause or a leap-frog filter forces. The filter's bits
    /// are computed once per segment core and kept while the segment lives; deletions come from the live docs.
    /// </summary>
    private TopDocs SearchFiltered(IndexSearcher searcher, Query query, FilterKey filter, int limit, SearchTimings? timings)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var collector = TopScoreDocCollector.Create(limit, docsScoredInOrder: false);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var bits = segmentFilters.GetOrCreateValue(reader.CoreCacheKey).GetOrAdd(filter, static (key, r) => FilterBits(r, key), reader);
            var accept = reader.LiveDocs is { } live ? new BothBits(bits, live) : (IBits)bits;
            collector.SetNextReader(leaf);
            weight.GetBulkScorer(leaf, scoreDocsInOrder: false, accept)?.Score(collector);
            if (timings is not null)
            {
                timings.Segments++;
            }
        }

        return collector.GetTopDocs();
    }

    private static FixedBitSet FilterBits(AtomicReader reader, FilterKey key)
    {
        var f = new BooleanQuery
        {
            { new TermQuery(new Term("kind", key.Kind)), Occur.MUST },
            { new TermQuery(new Term("status", "published")), Occur.MUST },
        };

        // A hazardous offer never reaches a want without the permit, and the reverse.
        if (key.Hazard == 1)
        {
            f.Add(new TermQuery(new Term("acceptsHazardous", "1")), Occur.MUST);
        }
        else if (key.Hazard == 2)
        {
            f.Add(new TermQuery(new Term("hazardous", "1")), Occur.MUST_NOT);
        }

        var bits = new FixedBitSet(reader.MaxDoc);
        if (new QueryWrapperFilter(f).GetDocIdSet(reader.AtomicContext, null)?.GetIterator() is { } docs)
        {
            bits.Or(docs);
        }

        return bits;
    }

    /// <summary>
    /// Document frequencies for choosing and weighing query terms, kept a few seconds: a term's frequency in a
    /// large index barely moves in that time, and looking it up costs a seek in every segment's term dictionary.
    /// </summary>
    private sealed class DocFreqCache
    {
        private static readonly long Lifetime = Stopwatch.Frequency * 10;
        private readonly ConcurrentDictionary<(string Field, string Text), (int DocFreq, long At)> known = new();

        public int Get(IndexReader reader, string field, string text)
        {
            var now = Stopwatch.GetTimestamp();
            if (known.TryGetValue((field, text), out var entry) && now - entry.At < Lifetime && reader.NumDocs >= 10_000)
            {
                return entry.DocFreq; // exact on small indexes, where one listing moves a frequency noticeably
            }

            if (known.Count > 200_000)
            {
                known.Clear();
            }

            var docFreq = reader.DocFreq(new Term(field, text));
            known[(field, text)] = (docFreq, now);
            return docFreq;
        }
    }

    /// <summary>Counterpart kind and hazard rule (0 none, 1 needs the permit, 2 no hazardous offers).</summary>
    private readonly record struct FilterKey(string Kind, int Hazard);

    private sealed class BothBits(IBits a, IBits b) : IBits
    {
        public int Length => a.Length;

        public bool Get(int index) => a.Get(index) && b.Get(index);
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
        disposed = true;
        written.Set();
        if (reopener.IsAlive)
        {
            reopener.Join();
        }
        Commit();
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        written.Dispose();
        hostLock.Dispose();
    }

    /// <summary>
    /// One process per index directory. Lucene.NET's own write lock did not keep a second process out on Linux (a
    /// reindex beside a running host opened a second writer), so the directory is also held by an exclusive lock on
    /// a file of its own, which the runtime maps to an advisory lock the other processes see.
    /// </summary>
    private static FileStream HoldIndex(string path)
    {
        try
        {
            return new FileStream(Path.Combine(path, "host.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IndexInUseException(path, e);
        }
    }

    /// <summary>A write since the last reopen: the listing as written, or null for a removal.</summary>
    private sealed record Recent(IndexedListing? Listing, long Generation);
}
