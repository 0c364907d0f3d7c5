using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Search;

/// <summary>A candidate as scoring needs it: snapshot and decoded annotation.</summary>
public sealed record CachedCandidate(ListingSnapshot Listing, Annotation Annotation);

/// <summary>
/// Decoded candidates by listing id, checked against the version the index holds. Two generations approximate
/// least-recently-used at the cost of a dictionary swap: when the young one is full it becomes the old one, and an
/// entry read from the old one moves back to the young one. At most <c>capacity</c> entries are kept.
/// </summary>
internal sealed class CandidateCache(int capacity)
{
    private readonly Lock swap = new();
    private Dictionary<Guid, CachedCandidate> young = [];
    private Dictionary<Guid, CachedCandidate> old = [];

    public CachedCandidate? Get(Guid id, int version)
    {
        lock (swap)
        {
            if (young.TryGetValue(id, out var c))
            {
                return c.Listing.Version == version ? c : null;
            }

            if (old.TryGetValue(id, out c) && c.Listing.Version == version)
            {
                AddYoung(id, c);
                return c;
            }

            return null;
        }
    }

    public void Put(Guid id, CachedCandidate candidate)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (swap)
        {
            old.Remove(id);
            AddYoung(id, candidate);
        }
    }

    public void Remove(Guid id)
    {
        lock (swap)
        {
            young.Remove(id);
            old.Remove(id);
        }
    }

    public void Clear()
    {
        lock (swap)
        {
            young = [];
            old = [];
        }
    }

    private void AddYoung(Guid id, CachedCandidate candidate)
    {
        if (young.Count >= Math.Max(1, capacity / 2) && !young.ContainsKey(id))
        {
            old = young;
            young = [];
        }

        young[id] = candidate;
    }
}
