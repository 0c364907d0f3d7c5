using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Matching.Search;

/// <summary>
/// The embedded index's document: filter fields and the id as exact terms, the text as stems already analysed in
/// the listing's language, concepts as exact terms, and the candidate (snapshot and annotation, see
/// <see cref="CandidateCodec"/>) as one binary doc value beside the id and version doc values. Reading a hit takes
/// its id and version from the doc values and the candidate from the cache when that holds the version, else
/// decodes the doc value in place (no stored-fields block to decompress).
/// </summary>
/// <remarks>
/// Older formats (the snapshot as stored JSON, the candidate as a stored field, no id doc values) are no longer
/// written nor read: a document without the doc values is skipped, and <c>Matching.Api reindex</c> rewrites an
/// index that still holds such documents.
/// </remarks>
internal sealed class LuceneDocuments(CandidateCache cache)
{
    public static Document ToDocument(IndexedListing indexed)
    {
        var listing = indexed.Listing;
        var annotation = indexed.Annotation
            ?? throw new ArgumentException("The embedded index stores the decoded annotation; index what SuggestionService.ToIndexed returns.", nameof(indexed));
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
            new BinaryDocValuesField("candidate", new BytesRef(CandidateCodec.Encode(listing, annotation))),
        };
        if (LuceneVectors.ToField(listing, annotation.Vector) is { } vector)
        {
            doc.Add(vector);
        }

        foreach (var concept in indexed.Concepts.Distinct())
        {
            doc.Add(new StringField("concept", concept, Field.Store.NO));
        }

        return doc;
    }

    /// <summary>The hit's listing id and version from the doc values; null id for a document without them.</summary>
    public static (Guid? Id, int Version) Identify(IList<AtomicReaderContext> leaves, int doc, BytesRef bytes)
    {
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var ids = leaf.AtomicReader.GetBinaryDocValues("idv");
        var versions = leaf.AtomicReader.GetNumericDocValues("version");
        if (ids is null || versions is null)
        {
            return (null, 0);
        }

        ids.Get(doc - leaf.DocBase, bytes);
        return bytes.Length == 0 ? (null, 0) : (new Guid(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)), (int)versions.Get(doc - leaf.DocBase));
    }

    /// <summary>The candidate behind a hit, from the cache or its doc value; null when the document has none.</summary>
    public IndexHit? Load(IList<AtomicReaderContext> leaves, ScoreDoc d, Guid id, int version, BytesRef bytes, ref int cacheHits)
    {
        if (cache.Get(id, version) is { } cached)
        {
            cacheHits++;
            return new IndexHit(cached.Listing, d.Score) { Annotation = cached.Annotation };
        }

        var leaf = leaves[ReaderUtil.SubIndex(d.Doc, leaves)];
        bytes.Length = 0;
        leaf.AtomicReader.GetBinaryDocValues("candidate")?.Get(d.Doc - leaf.DocBase, bytes);
        if (bytes.Length == 0)
        {
            return null;
        }

        var (listing, annotation) = CandidateCodec.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
        cache.Put(listing.ListingId, new CachedCandidate(listing, annotation));
        return new IndexHit(listing, d.Score) { Annotation = annotation };
    }

    public void Remember(IndexedListing listing)
    {
        if (listing.Annotation is { } annotation)
        {
            cache.Put(listing.Listing.ListingId, new CachedCandidate(listing.Listing, annotation));
        }
    }

    public void Forget(Guid listingId) => cache.Remove(listingId);

    public void Clear() => cache.Clear();

    /// <summary>A listing as written (not yet in the reader), as a hit.</summary>
    public static IndexHit Hit(IndexedListing listing, double score) =>
        new(listing.Listing, score) { Annotation = listing.Annotation, AnnotationJson = listing.AnnotationJson };
}
