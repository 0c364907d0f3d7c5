using System.Collections.Concurrent;

namespace Marketplace.Matching.Search;

/// <summary>
/// "Upsert before search" without waiting for a reopen: a listing written (or removed) stays here until a reopened
/// reader shows it, and every search considers these writes beside the reader's hits, under the same filters and
/// with at least one query term in common, so of two listings published at about the same time the later search
/// always finds the earlier. An entry is dropped only after a reader at least as new as its write is current, so
/// whatever a reader misses is still here.
/// </summary>
internal sealed class LuceneRecentWrites
{
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    public int Count => entries.Count;

    /// <summary>A write at <paramref name="generation"/>: the listing as written, or null for a removal.</summary>
    public void Record(Guid listingId, IndexedListing? listing, long generation) => entries[listingId] = new Entry(listing, generation);

    public void Clear() => entries.Clear();

    /// <summary>After a reopen at <paramref name="generation"/>: drops the writes it shows, unless written again since.</summary>
    public void ShownUpTo(long generation)
    {
        foreach (var entry in entries)
        {
            if (entry.Value.Generation <= generation)
            {
                ((ICollection<KeyValuePair<Guid, Entry>>)entries).Remove(entry); // only if not written again since
            }
        }
    }

    /// <summary>A copy for one search, taken before its reader is acquired; null when there is nothing recent.</summary>
    public Dictionary<Guid, IndexedListing?>? Snapshot() =>
        entries.IsEmpty ? null : entries.ToDictionary(e => e.Key, e => e.Value.Listing);

    /// <summary>
    /// For a reader hit: true when a write since the reader opened replaces it (taken out of <paramref name="fresh"/>),
    /// with the newer snapshot as <paramref name="hit"/> when it still may pair, or null (removed, or no longer a counterpart).
    /// </summary>
    public static bool Replaces(Dictionary<Guid, IndexedListing?> fresh, Guid id, int version, CandidateQuery query, double score, out IndexHit? hit)
    {
        hit = null;
        if (!fresh.Remove(id, out var newer) || (newer is not null && newer.Listing.Version < version))
        {
            return false;
        }

        if (newer is not null && Counterparts.MayPair(newer.Listing, query.Source))
        {
            hit = LuceneDocuments.Hit(newer, score);
        }

        return true;
    }

    /// <summary>
    /// The writes no reader hit stood for, that may pair and share a query term, ranked among the reader's hits by the
    /// score the reader would give them and cut at the same limit.
    /// </summary>
    public static List<IndexHit> AddUnseen(List<IndexHit> hits, Dictionary<Guid, IndexedListing?> fresh, CandidateQuery query, LuceneQueryTerms terms, ref int added)
    {
        var before = added;
        foreach (var listing in fresh.Values)
        {
            if (listing is not null && Counterparts.MayPair(listing.Listing, query.Source) && terms.Score(listing) is > 0 and var score)
            {
                hits.Add(LuceneDocuments.Hit(listing, score));
                added++;
            }
        }

        return added > before ? hits.OrderByDescending(h => h.TextScore).Take(query.Limit).ToList() : hits;
    }

    private sealed record Entry(IndexedListing? Listing, long Generation);
}
