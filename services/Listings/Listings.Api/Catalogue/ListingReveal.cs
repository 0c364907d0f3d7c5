namespace Marketplace.Listings.Catalogue;

/// <summary>An accepted match lets the viewing organisation see this anonymous listing in full.</summary>
public sealed class ListingReveal
{
    public Guid ListingId { get; set; }
    public Guid ViewerOrganisationId { get; set; }
    public Guid MatchId { get; set; }
    public DateTime RevealedAt { get; set; }
}
