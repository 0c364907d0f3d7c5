using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Taxonomy;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// Every field a client may write, before validation. A create starts empty; a PATCH or a re-import starts
/// from the stored listing and overlays what the request carries, then the same rules run on the result.
/// </summary>
public sealed class ListingInput
{
    public const int MaxAttributes = 50;
    public static readonly string[] Media = ["steam", "hot water", "flue gas", "gas fuel"];
    public static readonly string[] WaterQualities = ["potable", "demineralised", "process", "cooling", "rainwater", "grey", "treated-effluent", "wastewater"];

    public Guid? OrganisationId { get; set; }
    public string? ExternalRef { get; set; }
    public string? Kind { get; set; }
    public string? ResourceClass { get; set; }
    public string? Status { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Language { get; set; }
    public List<AttributeSnapshot> Attributes { get; set; } = [];
    public double? TemperatureC { get; set; }
    public string? Medium { get; set; }
    public string? WaterQuality { get; set; }
    public string? EwcCode { get; set; }
    public string? CpaCode { get; set; }
    public bool? Hazardous { get; set; }
    public bool? AcceptsHazardous { get; set; }
    public decimal? Amount { get; set; }
    public string? Unit { get; set; }
    public string? Per { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public string? Country { get; set; }
    public string? Address { get; set; }
    public double? MaxTransportKm { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }
    public decimal? PriceAmount { get; set; }
    public string? PriceCurrency { get; set; }
    public string? PricePer { get; set; }
    public string? Visibility { get; set; }

    /// <summary>The request itself said hazardous true/false (a mirror entry needs that).</summary>
    public bool HazardousStated { get; set; }
    public bool EwcChanged { get; set; }

    public static ListingInput From(Listing l) => new()
    {
        OrganisationId = l.OrganisationId,
        ExternalRef = l.ExternalRef,
        Kind = l.Kind,
        ResourceClass = l.ResourceClass,
        Status = l.Status,
        Title = l.Title,
        Description = l.Description,
        Language = l.Language,
        Attributes = [.. l.Attributes],
        TemperatureC = l.TemperatureC,
        Medium = l.Medium,
        WaterQuality = l.WaterQuality,
        EwcCode = l.EwcCode,
        CpaCode = l.CpaCode,
        Hazardous = l.Hazardous,
        AcceptsHazardous = l.AcceptsHazardous,
        Amount = l.Amount,
        Unit = l.Unit,
        Per = l.Per,
        Lat = l.Lat,
        Lon = l.Lon,
        Country = l.Country,
        Address = l.Address,
        MaxTransportKm = l.MaxTransportKm,
        AvailableFrom = l.AvailableFrom,
        AvailableUntil = l.AvailableUntil,
        PriceAmount = l.PriceAmount,
        PriceCurrency = l.PriceCurrency,
        PricePer = l.PricePer,
        Visibility = l.Visibility,
    };

    /// <summary>The result of <see cref="Validate"/>: the values the listing stores besides the input.</summary>
    public sealed record Normalised(string? EwcCode, bool Hazardous, decimal YearlyAmount, string BaseUnit);

    /// <summary>All rules of a listing (see <see cref="ListingRules"/>); errors are keyed by the JSON path of the field.</summary>
    public Normalised? Validate(EwcCatalog catalog, DateOnly today, bool creating, Dictionary<string, string[]> errors) =>
        ListingRules.Validate(this, catalog, today, creating, errors);

    public void ApplyTo(Listing l, Normalised n)
    {
        l.ExternalRef = ExternalRef;
        l.Kind = Kind!;
        l.ResourceClass = ResourceClass!;
        l.Title = Title!.Trim();
        l.Description = Description?.Trim() ?? "";
        l.Language = Language;
        l.AttributesJson = JsonSerializer.Serialize(Attributes, ListingJson.Options);
        l.TemperatureC = TemperatureC;
        l.Medium = Medium;
        l.WaterQuality = WaterQuality;
        l.EwcCode = n.EwcCode;
        l.CpaCode = CpaCode;
        l.Hazardous = n.Hazardous;
        l.AcceptsHazardous = AcceptsHazardous ?? false;
        l.Amount = Amount!.Value;
        l.Unit = Unit!;
        l.Per = Per!;
        l.YearlyAmount = n.YearlyAmount;
        l.BaseUnit = n.BaseUnit;
        l.Lat = Lat!.Value;
        l.Lon = Lon!.Value;
        l.Country = Country!;
        l.Address = Address;
        l.MaxTransportKm = MaxTransportKm;
        l.AvailableFrom = AvailableFrom;
        l.AvailableUntil = AvailableUntil;
        l.PriceAmount = PriceAmount;
        l.PriceCurrency = PriceAmount is null ? null : PriceCurrency;
        l.PricePer = PriceAmount is null ? null : PricePer;
        l.Visibility = Visibility ?? Visibilities.Public;
        (l.PublicLat, l.PublicLon) = l.Visibility == Visibilities.Anonymous ? Anonymity.Round(l.Lat, l.Lon) : (l.Lat, l.Lon);
    }
}
