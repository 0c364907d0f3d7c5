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
    /// <summary>A new document (a single write; a bulk write reuses its fields through <see cref="Fields"/>).</summary>
    public static Document ToDocument(IndexedListing indexed) => new Fields().ToDocument(indexed);

    /// <summary>
    /// The fields of one document, given the next listing's values for each document: a field made anew builds its
    /// token stream and attributes anew (under a lock Lucene.NET's attribute factory takes), which was a third of a
    /// rebuild's writing. The writer has consumed a document when AddDocument/UpdateDocument returns, so the next
    /// may reuse its fields. For one thread at a time.
    /// </summary>
    public sealed class Fields
    {
        private readonly StringField id = new("id", "", Field.Store.YES);
        private readonly BinaryDocValuesField idv = new("idv", new BytesRef());
        private readonly NumericDocValuesField version = new("version", 0);
        private readonly StringField org = new("org", "", Field.Store.NO);
        private readonly StringField kind = new("kind", "", Field.Store.NO);
        private readonly StringField status = new("status", "", Field.Store.NO);
        private readonly StringField hazardous = new("hazardous", "", Field.Store.NO);
        private readonly StringField acceptsHazardous = new("acceptsHazardous", "", Field.Store.NO);
        private readonly StringField lang = new("lang", "", Field.Store.NO);
        private readonly TextField text = new("text", "", Field.Store.NO);
        private readonly BinaryDocValuesField candidate = new("candidate", new BytesRef());
        private readonly List<StringField> concepts = [];

        /// <param name="candidate">The candidate's encoding when already made (<see cref="CandidateCodec.Encode"/>).</param>
        public Document ToDocument(IndexedListing indexed, byte[]? candidate = null)
        {
            var listing = indexed.Listing;
            var annotation = indexed.Annotation
                ?? throw new ArgumentException("The embedded index stores the decoded annotation; index what SuggestionService.ToIndexed returns.", nameof(indexed));
            id.SetStringValue(listing.ListingId.ToString());
            idv.SetBytesValue(new BytesRef(listing.ListingId.ToByteArray()));
            version.SetInt64Value(listing.Version);
            org.SetStringValue(listing.OrganisationId.ToString());
            kind.SetStringValue(listing.Kind);
            status.SetStringValue(listing.Status);
            hazardous.SetStringValue(listing.Hazardous ? "1" : "0");
            acceptsHazardous.SetStringValue(listing.AcceptsHazardous ? "1" : "0");
            lang.SetStringValue(indexed.Language);
            text.SetStringValue(string.Join(' ', indexed.Stems));
            this.candidate.SetBytesValue(new BytesRef(candidate ?? CandidateCodec.Encode(listing, annotation)));
            var doc = new Document { id, idv, version, org, kind, status, hazardous, acceptsHazardous, lang, text, this.candidate };
            if (LuceneVectors.ToField(listing, annotation.Vector) is { } vector)
            {
                doc.Add(vector);
            }

            var n = 0;
            foreach (var concept in indexed.Concepts.Distinct())
            {
                if (n == concepts.Count)
                {
                    concepts.Add(new StringField("concept", "", Field.Store.NO));
                }

                concepts[n].SetStringValue(concept);
                doc.Add(concepts[n++]);
            }

            return doc;
        }
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

    /// <summary>A listing as written (not yet in the reader), as a hit: decoded, like a hit from the cache or a doc value.</summary>
    public static IndexHit Hit(IndexedListing listing, double score) =>
        listing.Annotation is null ? new(listing.Listing, score) { AnnotationJson = listing.AnnotationJson } : new(listing.Listing, score) { Annotation = listing.Annotation };
}
