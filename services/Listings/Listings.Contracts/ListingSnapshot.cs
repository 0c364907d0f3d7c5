namespace Marketplace.Listings.Contracts;

/// <summary>Everything another service needs to know about a listing, as published.</summary>
public sealed record ListingSnapshot
{
    public required Guid ListingId { get; init; }
    public required Guid OrganisationId { get; init; }
    public required int Version { get; init; }
    public required string Kind { get; init; }
    public required string ResourceClass { get; init; }
    public required string Status { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? Language { get; init; }
    public string? EwcCode { get; init; }
    public string? CpaCode { get; init; }
    public string? NaceCode { get; init; }
    public bool Hazardous { get; init; }
    public bool AcceptsHazardous { get; init; }
    public required QuantitySnapshot Quantity { get; init; }
    /// <summary>Where others may know the listing is: for an anonymous listing its shown grid-cell centre, without address.</summary>
    public required LocationSnapshot Location { get; init; }
    public double? MaxTransportKm { get; init; }
    public DateOnly? AvailableFrom { get; init; }
    public DateOnly? AvailableUntil { get; init; }
    public PriceSnapshot? Price { get; init; }
    public double? TemperatureC { get; init; }
    public string? Medium { get; init; }
    public string? WaterQuality { get; init; }
    public string Visibility { get; init; } = Visibilities.Public;
    public IReadOnlyList<AttributeSnapshot> Attributes { get; init; } = [];
    public DateTime UpdatedAt { get; init; }
}

/// <summary>As entered, plus the yearly rate in the base unit (t, m3, MWh, pcs, h, m2) so flows compare.</summary>
public sealed record QuantitySnapshot(decimal Amount, string Unit, string Per, decimal YearlyAmount, string BaseUnit);

public sealed record LocationSnapshot(double Lat, double Lon, string Country, string? Address);

public sealed record PriceSnapshot(decimal Amount, string Currency, string Per);

public sealed record AttributeSnapshot(string Name, string Value, string? Unit);
