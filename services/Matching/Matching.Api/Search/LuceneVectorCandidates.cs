using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Matching.Search;

/// <summary>
/// The vector half of an embedded candidate search: the k nearest counterparts by cosine join the BM25/knowledge hits
/// (those already there are not repeated), and every hit carries its stored vector for the scorer's vector component.
/// </summary>
internal static class LuceneVectorCandidates
{
    public static List<IndexHit> Add(
        List<IndexHit> hits, CandidateQuery query, LuceneVectors vectors, IndexSearcher searcher,
        Dictionary<Guid, IndexedListing?>? fresh, LuceneDocuments documents, BytesRef scratch)
    {
        if (vectors.Count == 0)
        {
            return hits;
        }

        var result = new List<IndexHit>(hits.Count + query.VectorCandidates);
        var seen = new HashSet<Guid>();
        foreach (var hit in hits)
        {
            seen.Add(hit.Listing.ListingId);
            result.Add(WithVector(hit, vectors));
        }

        if (query.Vector is not { Length: > 0 } vector || query.VectorCandidates == 0)
        {
            return result;
        }

        var nearest = vectors.Nearest(vector, Counterparts.KindFor(query.Source.Kind), query.Source.OrganisationId, query.VectorCandidates + 1);
        var leaves = searcher.IndexReader.Leaves;
        var (ignored, added) = (0, 0);
        foreach (var (id, cosine) in nearest)
        {
            if (added == query.VectorCandidates)
            {
                break;
            }

            if (id == query.Source.ListingId || !seen.Add(id))
            {
                continue;
            }

            IndexHit? hit = null;
            if (fresh is not null && fresh.TryGetValue(id, out var written))
            {
                hit = written is null ? null : LuceneDocuments.Hit(written, cosine);
            }
            else if (searcher.Search(new TermQuery(new Term("id", id.ToString())), 1).ScoreDocs is [var d])
            {
                var (docId, version) = LuceneDocuments.Identify(leaves, d.Doc, scratch);
                hit = docId == id ? documents.Load(leaves, new ScoreDoc(d.Doc, cosine), id, version, scratch, ref ignored) : null;
            }

            if (hit is not null && Counterparts.MayPair(hit.Listing, query.Source))
            {
                result.Add(WithVector(hit, vectors));
                added++;
            }
        }

        return result;
    }

    private static IndexHit WithVector(IndexHit hit, LuceneVectors vectors) =>
        hit.Annotation is { Vector: null } annotation && vectors.VectorOf(hit.Listing.ListingId) is { } v
            ? hit with { Annotation = annotation with { Vector = v } }
            : hit;
}
