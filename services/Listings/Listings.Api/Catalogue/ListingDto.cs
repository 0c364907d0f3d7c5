using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Listings.Catalogue;

public sealed record QuantityDto(decimal Amount, string Unit, string Per);

public sealed record LocationDto(double Lat, double Lon, string Country, string? Address);

public sealed record PriceDto(decimal Amount, string Currency, string Per, bool GateFee);

/// <summary>
/// A listing as one caller sees it. For an anonymous listing seen by a stranger, <c>organisationId</c>,
/// <c>organisationName</c>, <c>address</c> and <c>externalRef</c> are null and <c>location</c> is a ~5 km cell centre
/// (<c>anonymised: true</c>).
/// </summary>
public sealed record ListingDto(
    Guid Id,
    Guid? OrganisationId,
    string? OrganisationName,
    string? ExternalRef,
    string Kind,
    string ResourceClass,
    string Status,
    string? ClosedReason,
    string Title,
    string Description,
    string? Language,
    IReadOnlyList<AttributeSnapshot> Attributes,
    double? TemperatureC,
    string? Medium,
    string? WaterQuality,
    string? EwcCode,
    string? CpaCode,
    string? NaceCode,
    bool Hazardous,
    bool AcceptsHazardous,
    QuantityDto Quantity,
    decimal YearlyAmount,
    string BaseUnit,
    LocationDto Location,
    double? MaxTransportKm,
    DateOnly? AvailableFrom,
    DateOnly? AvailableUntil,
    PriceDto? Price,
    string Visibility,
    bool Anonymised,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool EnteredByOperator = false,
    DateTime? OperatorChangedAt = null);

/// <summary>Who is looking: the owner and the operator see everything; others see anonymous listings masked until revealed.</summary>
public sealed record Viewer(Guid? OrganisationId, bool IsOperator)
{
    public static Viewer Of(ClaimsPrincipal user) => new(user.OrganisationId(), user.IsOperator());

    public bool CanManage(Listing listing) => IsOperator || OrganisationId == listing.OrganisationId;

    public bool CanSee(Listing listing) => listing.Status != ListingStatuses.Draft || CanManage(listing);

    public bool SeesInFull(Listing listing, bool revealed) =>
        listing.Visibility != Visibilities.Anonymous || CanManage(listing) || revealed;
}

public static class ListingDtoMapping
{
    public static ListingDto AsDto(this Listing l, string? organisationName, bool full) => new(
        l.Id,
        full ? l.OrganisationId : null,
        full ? organisationName : null,
        full ? l.ExternalRef : null,
        l.Kind, l.ResourceClass, l.Status, l.ClosedReason, l.Title, l.Description, l.Language, l.Attributes,
        l.TemperatureC, l.Medium, l.WaterQuality, l.EwcCode, l.CpaCode, l.NaceCode, l.Hazardous, l.AcceptsHazardous,
        new QuantityDto(l.Amount, l.Unit, l.Per), l.YearlyAmount, l.BaseUnit,
        full ? new LocationDto(l.Lat, l.Lon, l.Country, l.Address) : new LocationDto(l.PublicLat, l.PublicLon, l.Country, null),
        l.MaxTransportKm, l.AvailableFrom, l.AvailableUntil,
        l.PriceAmount is { } amount ? new PriceDto(amount, l.PriceCurrency ?? "", l.PricePer ?? "", amount < 0) : null,
        l.Visibility, !full, l.Version, l.CreatedAt, l.UpdatedAt,
        full && l.EnteredByOperator, full ? l.OperatorChangedAt : null);
}
