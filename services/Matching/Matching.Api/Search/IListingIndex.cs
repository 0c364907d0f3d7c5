using Marketplace.Listings.Contracts;

namespace Marketplace.Matching.Search;

/// <summary>The search-engine port: the embedded Lucene index here, Elasticsearch in a cluster.</summary>
public interface IListingIndex
{
    Task UpsertAsync(ListingSnapshot listing, CancellationToken cancellationToken);

    Task RemoveAsync(Guid listingId, CancellationToken cancellationToken);

    /// <summary>Published listings of the opposite kind, from other organisations, that could pair with <paramref name="source"/>, best text fit first.</summary>
    Task<IReadOnlyList<IndexHit>> FindCandidatesAsync(ListingSnapshot source, int limit, CancellationToken cancellationToken);
}

/// <summary>A candidate with the snapshot the index holds, so scoring never waits on another transaction's commit.</summary>
public sealed record IndexHit(ListingSnapshot Listing, double TextScore);
