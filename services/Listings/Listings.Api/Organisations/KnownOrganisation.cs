namespace Marketplace.Listings.Organisations;

/// <summary>
/// Listings' copy of an Identity organisation (from its events): the name anonymity hides, the NACE sector, and for the
/// territory map its size and first located site.
/// </summary>
public sealed class KnownOrganisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? NaceCode { get; set; }
    public required string Country { get; set; }
    public int? Employees { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public DateTime UpdatedAt { get; set; }
}
