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
