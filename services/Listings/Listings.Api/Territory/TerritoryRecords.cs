namespace Marketplace.Listings.Territory;

/// <summary>A territory the operator serves: its name and boundary (a GeoJSON MultiPolygon, as uploaded, normalised) with its bounding box.</summary>
public sealed class TerritoryArea
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string BoundaryJson { get; set; }
    public double MinLon { get; set; }
    public double MinLat { get; set; }
    public double MaxLon { get; set; }
    public double MaxLat { get; set; }
    public int Positions { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>The operator's own tonnes per person employed for one sector in one territory, with where the figure comes from.</summary>
public sealed class CoefficientOverride
{
    public Guid TerritoryId { get; set; }
    public required string SectorId { get; set; }
    public double Low { get; set; }
    public double Central { get; set; }
    public double High { get; set; }
    public required string Source { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>
/// A flow a facility reported to a register (an industrial-emissions register's waste transfer, an excess-heat survey),
/// imported by the operator for one organisation. It replaces the estimate of the stream it covers; a declared listing
/// still replaces both. <see cref="Key"/> makes a re-import of the same row an update, not a second fact.
/// </summary>
public sealed class FacilityFact
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Key { get; set; }
    public required string FacilityName { get; set; }
    public required string Kind { get; set; }
    public required string ResourceClass { get; set; }
    public string? EwcCode { get; set; }
    public bool Hazardous { get; set; }
    public double Quantity { get; set; }
    public required string Unit { get; set; }
    public int Year { get; set; }
    public required string Source { get; set; }
    public DateTime ImportedAt { get; set; }
}
