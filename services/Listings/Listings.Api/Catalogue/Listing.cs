using Marketplace.Listings.Contracts;

namespace Marketplace.Listings.Catalogue;

public sealed class Listing
{
    public const int MaxTitle = 120;
    public const int MaxDescription = 4000;

    public Guid Id { get; set; }
    /// <summary>The FTS5 rowid of this listing (SQLite full-text index); derived from the random half of <see cref="Id"/>.</summary>
    public long SearchKey { get; set; }
    public Guid OrganisationId { get; set; }
    public string? ExternalRef { get; set; }
    public required string Kind { get; set; }
    public required string ResourceClass { get; set; }
    public required string Status { get; set; }
    public string? ClosedReason { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public string? Language { get; set; }
    public string AttributesJson { get; set; } = "[]";
    public double? TemperatureC { get; set; }
    public string? Medium { get; set; }
    public string? WaterQuality { get; set; }
    public string? EwcCode { get; set; }
    public string? CpaCode { get; set; }
    public string? NaceCode { get; set; }
    public bool Hazardous { get; set; }
    public bool AcceptsHazardous { get; set; }
    public decimal Amount { get; set; }
    public required string Unit { get; set; }
    public required string Per { get; set; }
    public decimal YearlyAmount { get; set; }
    public required string BaseUnit { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    /// <summary>What strangers see and what <c>near</c> filters on: the exact point, or ~5 km grid cell centre when anonymous.</summary>
    public double PublicLat { get; set; }
    public double PublicLon { get; set; }
    public required string Country { get; set; }
    public string? Address { get; set; }
    public double? MaxTransportKm { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }
    public decimal? PriceAmount { get; set; }
    public string? PriceCurrency { get; set; }
    public string? PricePer { get; set; }
    public string Visibility { get; set; } = Visibilities.Public;
    public int Version { get; set; } = 1;

    /// <summary>An operator entered it for the organisation (the operator console's "on behalf"), not the organisation itself.</summary>
    public bool EnteredByOperator { get; set; }

    /// <summary>When an operator last changed it for the organisation; null if only the organisation did.</summary>
    public DateTime? OperatorChangedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static long SearchKeyOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[8..]) & long.MaxValue;
    }

    /// <summary>A new, empty listing with a time-ordered id; the caller applies the validated input.</summary>
    internal static Listing Create(Guid organisationId, string status, DateTime now)
    {
        var id = Guid.CreateVersion7(now);
        return new Listing
        {
            Id = id,
            SearchKey = SearchKeyOf(id),
            OrganisationId = organisationId,
            Status = status,
            Kind = "",
            ResourceClass = "",
            Title = "",
            Description = "",
            Unit = "",
            Per = "",
            BaseUnit = "",
            Country = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Every write bumps the version (the ETag) and the update time.</summary>
    internal void Touch(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }

    public IReadOnlyList<AttributeSnapshot> Attributes =>
        System.Text.Json.JsonSerializer.Deserialize<List<AttributeSnapshot>>(AttributesJson, ListingJson.Options) ?? [];

    /// <summary>
    /// What the events carry: an anonymous listing is where its viewers see it (the grid-cell centre, no address), so
    /// the distances and transport costs other services compute cannot locate it (three matches trilaterated the
    /// true site to 16 m while the shown location was 2.4 km off).
    /// </summary>
    public ListingSnapshot ToPublishedSnapshot() => Visibility == Visibilities.Anonymous
        ? ToSnapshot() with { Location = new LocationSnapshot(PublicLat, PublicLon, Country, null) }
        : ToSnapshot();

    /// <summary>The full content, for change detection.</summary>
    public ListingSnapshot ToSnapshot() => new()
    {
        ListingId = Id,
        OrganisationId = OrganisationId,
        Version = Version,
        Kind = Kind,
        ResourceClass = ResourceClass,
        Status = Status,
        Title = Title,
        Description = Description,
        Language = Language,
        EwcCode = EwcCode,
        CpaCode = CpaCode,
        NaceCode = NaceCode,
        Hazardous = Hazardous,
        AcceptsHazardous = AcceptsHazardous,
        Quantity = new QuantitySnapshot(Amount, Unit, Per, YearlyAmount, BaseUnit),
        Location = new LocationSnapshot(Lat, Lon, Country, Address),
        MaxTransportKm = MaxTransportKm,
        AvailableFrom = AvailableFrom,
        AvailableUntil = AvailableUntil,
        Price = PriceAmount is { } amount ? new PriceSnapshot(amount, PriceCurrency ?? "EUR", PricePer ?? Units.Tonne) : null,
        TemperatureC = TemperatureC,
        Medium = Medium,
        WaterQuality = WaterQuality,
        Visibility = Visibility,
        Attributes = Attributes,
        UpdatedAt = UpdatedAt,
    };
}

internal static class ListingJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}

/// <summary>Flows compare only as yearly rates in one base unit per dimension.</summary>
public static class QuantityNormaliser
{
    public static IReadOnlyCollection<string> KnownUnits => Units.All;
    public static IReadOnlyCollection<string> KnownPeriods => ListingPeriods.All;

    public static bool TryNormalise(decimal amount, string unit, string per, out decimal yearly, out string baseUnit)
    {
        yearly = 0;
        baseUnit = "";
        if (!Units.TryGetBase(unit, out var unitBase, out var factor) || !ListingPeriods.TryGetPerYear(per, out var perYear))
        {
            return false;
        }

        yearly = decimal.Round(amount * factor * perYear, 4);
        baseUnit = unitBase;
        return true;
    }
}
