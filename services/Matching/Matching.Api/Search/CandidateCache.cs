using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Search;

/// <summary>A candidate as scoring needs it: snapshot and decoded annotation.</summary>
public sealed record CachedCandidate(ListingSnapshot Listing, Annotation Annotation);

/// <summary>
/// Decoded candidates by listing id, checked against the version the index holds. It fills up to
/// <c>capacity</c> and then only keeps what it holds current (a newer version replaces an entry, a removal frees a
/// place): no eviction. An evicting cache smaller than the index replaced about half its entries every few searches,
/// and every replacement was a long-lived object the garbage collector had to promote, which cost more (in pauses)
/// than the decoding it saved; once full, this one creates no long-lived objects at all. The first candidates
/// decoded are the ones searches return most, so those are the ones kept.
/// </summary>
internal sealed class CandidateCache(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, CachedCandidate> entries = [];

    public CachedCandidate? Get(Guid id, int version)
    {
        lock (gate)
        {
            return entries.TryGetValue(id, out var c) && c.Listing.Version == version ? c : null;
        }
    }

    public void Put(Guid id, CachedCandidate candidate)
    {
        lock (gate)
        {
            if (entries.Count < capacity || entries.ContainsKey(id))
            {
                entries[id] = candidate;
            }
        }
    }

    public void Remove(Guid id)
    {
        lock (gate)
        {
            entries.Remove(id);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
