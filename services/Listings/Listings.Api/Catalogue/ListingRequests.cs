using System.ComponentModel;
using Marketplace.Listings.Contracts;

namespace Marketplace.Listings.Catalogue;

/// <summary>The price a listing asks; a negative amount is a gate fee the holder pays.</summary>
public sealed record PriceRequest(decimal Amount, string Currency, string Per);

/// <summary>
/// The body of <c>POST /api/v1/listings</c>, as documented for clients. The handler reads the JSON itself (to name
/// unknown fields and check each value against the listing rules), so this type only describes it.
/// </summary>
public sealed class CreateListingRequest
{
    [Description("For an operator: the organisation the listing belongs to. Others post for their own organisation.")]
    public Guid? OrganisationId { get; init; }

    [Description("Your own reference; unique per organisation, so a CSV import can update the listing.")]
    public string? ExternalRef { get; init; }

    [Description("offer or want.")]
    public required string Kind { get; init; }

    [Description("material, energy, water, capacity or service.")]
    public required string ResourceClass { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    [Description("ISO 639-1 code of the text; detected when absent.")]
    public string? Language { get; init; }

    [Description("draft or published (the default).")]
    public string? Status { get; init; }

    [Description("European Waste Catalogue code, e.g. 02 07 04 (a trailing * marks a hazardous entry).")]
    public string? EwcCode { get; init; }

    public string? CpaCode { get; init; }

    [Description("Stated only where the waste code leaves it open; a mirror code already says it.")]
    public bool? Hazardous { get; init; }

    [Description("A want that accepts hazardous material.")]
    public bool? AcceptsHazardous { get; init; }

    [Description("For energy listings: the temperature in degrees Celsius.")]
    public double? TemperatureC { get; init; }

    [Description("For energy listings: steam, hot water, flue gas ...")]
    public string? Medium { get; init; }

    public string? WaterQuality { get; init; }

    public required QuantityDto Quantity { get; init; }

    public required LocationDto Location { get; init; }

    public double? MaxTransportKm { get; init; }

    public DateOnly? AvailableFrom { get; init; }

    public DateOnly? AvailableUntil { get; init; }

    public PriceRequest? Price { get; init; }

    [Description("public (the default) or anonymous.")]
    public string? Visibility { get; init; }

    public IReadOnlyList<AttributeSnapshot>? Attributes { get; init; }
}

/// <summary>
/// The body of <c>PATCH /api/v1/listings/{id}</c>: a JSON merge patch (RFC 7396) of the fields of
/// <see cref="CreateListingRequest"/>; an absent field is unchanged, <c>null</c> clears an optional one. Status
/// changes go through publish, pause and close.
/// </summary>
public sealed class PatchListingRequest
{
    public Guid? OrganisationId { get; init; }
    public string? ExternalRef { get; init; }
    public string? Kind { get; init; }
    public string? ResourceClass { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public string? EwcCode { get; init; }
    public string? CpaCode { get; init; }
    public bool? Hazardous { get; init; }
    public bool? AcceptsHazardous { get; init; }
    public double? TemperatureC { get; init; }
    public string? Medium { get; init; }
    public string? WaterQuality { get; init; }
    public QuantityDto? Quantity { get; init; }
    public LocationDto? Location { get; init; }
    public double? MaxTransportKm { get; init; }
    public DateOnly? AvailableFrom { get; init; }
    public DateOnly? AvailableUntil { get; init; }
    public PriceRequest? Price { get; init; }
    public string? Visibility { get; init; }
    public IReadOnlyList<AttributeSnapshot>? Attributes { get; init; }
}
