namespace Marketplace.Listings.Organisations;

/// <summary>Listings' copy of an Identity organisation (from its events): the name anonymity hides and the NACE sector.</summary>
public sealed class KnownOrganisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? NaceCode { get; set; }
    public required string Country { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An accepted match lets the viewing organisation see this anonymous listing in full.</summary>
public sealed class ListingReveal
{
    public Guid ListingId { get; set; }
    public Guid ViewerOrganisationId { get; set; }
    public Guid MatchId { get; set; }
    public DateTime RevealedAt { get; set; }
}
