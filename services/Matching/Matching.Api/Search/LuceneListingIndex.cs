using System.Diagnostics;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marketplace.Matching.Search;

/// <summary>
/// The embedded engine: one Lucene index under the data directory, its life (open, write, reopen, commit, close)
/// and its candidate search. Text arrives already analysed in the listing's language (so one field serves six
/// languages), concepts as exact terms. The jobs around it live apart: the document format and reading hits
/// (<see cref="LuceneDocuments"/>), the writes a reader does not show yet (<see cref="LuceneRecentWrites"/>), the
/// query (<see cref="LuceneQueryBuilder"/>) and the filtered top-hits search (<see cref="LuceneFilteredSearch"/>).
/// </summary>
/// <remarks>
/// A background thread reopens at most every <see cref="ReopenInterval"/> while writes arrive; until then a write
/// is served from the recent writes. Candidates come back decoded from a bounded cache keyed by listing id and
/// version (read from doc values), so a popular candidate is decoded once.
/// </remarks>
public sealed class LuceneListingIndex : IListingIndex, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Shortest gap between two reopens while writes keep arriving; the longest is a second.</summary>
    public static readonly TimeSpan ReopenInterval = TimeSpan.FromMilliseconds(100);

    private const string OpenMarker = "open.marker";
    private readonly FileStream hostLock;
    private readonly string openMarker;
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly TrackingIndexWriter tracking;
    private readonly SearcherManager searchers;
    private readonly Timer committer;
    private readonly Thread reopener;
    private readonly AutoResetEvent written = new(false);
    private readonly System.Threading.Lock writeLock = new();
    private readonly System.Threading.Lock refreshLock = new();
    private readonly LuceneRecentWrites recent = new();
    private readonly LuceneDocuments documents;
    private readonly DocFreqCache docFreqs = new();
    private readonly LuceneFilteredSearch filtered = new();
    private readonly LuceneVectors vectors = new();
    private long visibleGeneration = -1;
    private long bulkGeneration = -1;
    private int bulkWrites;
    private long lastBulkWrite;
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
            // present while a process has the index open, removed after the last commit of a clean close
            var marker = Path.Combine(path, OpenMarker);
            ClosedUncleanly = File.Exists(marker);
            File.WriteAllText(marker, $"{Environment.ProcessId}\n");
            openMarker = marker;
        }
        catch
        {
            hostLock.Dispose(); // an index that cannot be opened must not stay locked until the finaliser runs
            throw;
        }

        tracking = new TrackingIndexWriter(writer);
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        documents = new LuceneDocuments(new CandidateCache(cachedCandidates));
        vectors.Load(searchers);
        reopener = new Thread(ReopenLoop) { Name = "matching-index-reopen", IsBackground = true };
        if (backgroundReopen)
        {
            reopener.Start();
        }
        committer = new Timer(_ => PeriodicCommit(), null, CommitInterval, CommitInterval);
    }

    /// <summary>
    /// The process that had the index open before did not close it (a crash): its writes of the last seconds before
    /// the periodic commit are missing, so the host rebuilds the index from its stored listings.
    /// </summary>
    public bool ClosedUncleanly { get; }

    /// <summary>Writes not yet shown by a reopened reader (diagnostics, tests).</summary>
    public int RecentCount => recent.Count;

    public Task UpsertAsync(IndexedListing listing, CancellationToken cancellationToken)
    {
        var id = listing.Listing.ListingId;
        var doc = LuceneDocuments.ToDocument(listing);
        lock (writeLock)
        {
            // under the lock, so the recent entry is always the one the writer holds last
            recent.Record(id, listing, tracking.UpdateDocument(new Term("id", id.ToString()), doc));
        }

        documents.Remember(listing);
        vectors.Upsert(listing.Listing, listing.Annotation?.Vector);
        written.Set();
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IReadOnlyCollection<IndexedListing> listings, CancellationToken cancellationToken)
    {
        var generation = -1L;
        var fields = new LuceneDocuments.Fields();
        Interlocked.Increment(ref bulkWrites);
        try
        {
            // the candidates encoded on every core first: the writer's own loop is what a rebuild waits for
            var batch = listings as IReadOnlyList<IndexedListing> ?? [.. listings];
            var candidates = new byte[]?[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
                candidates[i] = batch[i].Annotation is { } annotation ? CandidateCodec.Encode(batch[i].Listing, annotation) : null);
            for (var i = 0; i < batch.Count; i++)
            {
                var listing = batch[i];
                generation = tracking.UpdateDocument(new Term("id", listing.Listing.ListingId.ToString()), fields.ToDocument(listing, candidates[i]));
                vectors.Upsert(listing.Listing, listing.Annotation?.Vector);
            }
        }
        finally
        {
            Volatile.Write(ref lastBulkWrite, Stopwatch.GetTimestamp());
            Interlocked.Decrement(ref bulkWrites);
        }

        // bulk writes are not kept as recent: the next search reopens first (the rebuild case, rare)
        TrackBulk(generation);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid listingId, CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            recent.Record(listingId, null, tracking.DeleteDocuments(new Term("id", listingId.ToString())));
        }

        documents.Forget(listingId);
        vectors.Remove(listingId);
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
            documents.Clear();
            vectors.Clear();
        }

        Refresh();
        return Task.CompletedTask;
    }

    /// <summary>Document frequencies in the text field of the current reader (writes not yet visible count from the next refresh).</summary>
    public Task<TermRarity> TermRarityAsync(IReadOnlyCollection<string> stems, CancellationToken cancellationToken)
    {
        var searcher = searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var docFreq = new Dictionary<string, int>(stems.Count, StringComparer.Ordinal);
            foreach (var stem in stems)
            {
                docFreq[stem] = docFreqs.Get(reader, "text", stem);
            }

            return Task.FromResult(new TermRarity(reader.NumDocs, docFreq));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Recent writes first, then the reader: a reopen drops entries only after its reader is current, so whatever
    /// is missing from this reader is still in the copy. Stages go to <see cref="MatchingTelemetry"/>.
    /// </summary>
    public Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(CandidateQuery query, CancellationToken cancellationToken)
    {
        using var activity = MatchingTelemetry.Source.StartActivity("matching.search");
        var lap = Stopwatch.GetTimestamp();
        if (Interlocked.Read(ref bulkGeneration) > Interlocked.Read(ref visibleGeneration))
        {
            Refresh();
        }

        var fresh = recent.Snapshot();
        var searcher = searchers.Acquire();
        try
        {
            MatchingTelemetry.Lap("search.visible", ref lap);
            var (q, filter, terms) = LuceneQueryBuilder.Build(query, searcher.IndexReader, docFreqs);
            MatchingTelemetry.Lap("search.query", ref lap);
            var top = filtered.Search(searcher, q, filter, query.Limit, out var segments);
            MatchingTelemetry.Lap("search.top", ref lap);
            var hits = new List<IndexHit>(top.ScoreDocs.Length + (fresh?.Count ?? 0));
            var leaves = searcher.IndexReader.Leaves;
            var scratch = new BytesRef(); // one buffer for every doc value this search reads
            var (cacheHits, recentHits) = (0, 0);
            foreach (var d in top.ScoreDocs)
            {
                var (id, version) = LuceneDocuments.Identify(leaves, d.Doc, scratch);
                if (id is null)
                {
                    continue; // an older document format: reindex rewrites it
                }

                if (fresh is not null && LuceneRecentWrites.Replaces(fresh, id.Value, version, query, d.Score, out var newer))
                {
                    // written since this reader opened: the newer snapshot counts, a removal drops the hit
                    if (newer is not null)
                    {
                        hits.Add(newer);
                    }

                    continue;
                }

                if (documents.Load(leaves, d, id.Value, version, scratch, ref cacheHits) is { } hit)
                {
                    hits.Add(hit);
                }
            }

            if (fresh is not null)
            {
                hits = LuceneRecentWrites.AddUnseen(hits, fresh, query, terms, ref recentHits);
            }

            hits = LuceneVectorCandidates.Add(hits, query, vectors, searcher, fresh, documents, scratch);
            MatchingTelemetry.Lap("search.load", ref lap);
            activity?.SetTag("matching.search.clauses", terms.Count)
                .SetTag("matching.search.postings", terms.Postings)
                .SetTag("matching.search.segments", segments)
                .SetTag("matching.search.cache_hits", cacheHits)
                .SetTag("matching.search.recent_hits", recentHits);
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
            recent.ShownUpTo(generation);
        }
    }

    private void ReopenLoop()
    {
        while (!disposed)
        {
            var signalled = written.WaitOne(TimeSpan.FromSeconds(1));
            if (disposed)
            {
                return;
            }

            if (!signalled && BulkWriting)
            {
                continue; // a reopen flushes the writer's buffer into a small segment; bulk writes show at the next search
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
            catch (Exception)
            {
                // disposed while reopening: the index is closing under this thread (a closed directory throws more than
                // AlreadyClosedException); an exception escaping a background thread would end the whole process
                return;
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

    /// <summary>How often writes are committed, unless bulk writes are arriving.</summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(5);

    /// <summary>Bulk writes are arriving (a rebuild, which commits as it ends, and is redone whole after a crash).</summary>
    private bool BulkWriting => Volatile.Read(ref bulkWrites) > 0 || Stopwatch.GetElapsedTime(Volatile.Read(ref lastBulkWrite)) < CommitInterval;

    /// <summary>Not while bulk writes arrive: a commit in the middle flushed a small segment and held the writing thread while it synced.</summary>
    private void PeriodicCommit()
    {
        if (!BulkWriting)
        {
            Commit();
        }
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
        File.Delete(openMarker); // everything is committed: a clean close
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
}
