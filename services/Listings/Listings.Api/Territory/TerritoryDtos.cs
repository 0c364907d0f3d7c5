using System.Text.Json;

namespace Marketplace.Listings.Territory;

public sealed record TerritoryDto(Guid Id, string Name, BoundingBox Bbox, int Positions, int Version, DateTimeOffset UpdatedAt, string UpdatedBy,
    JsonElement Boundary);

public sealed record TerritoryPageDto(IReadOnlyList<TerritoryDto> Items, string? NextCursor);

public sealed record CoefficientOverrideDto(Guid TerritoryId, string SectorId, double Low, double Central, double High, string Source,
    DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record SectorCoefficientsDto(string Id, string Label, IReadOnlyList<string> Divisions, PerEmployee PerEmployee,
    IReadOnlyDictionary<string, PerEmployee> Countries, CoefficientOverrideDto? Territory, IReadOnlyList<StreamProfile> Streams);

public sealed record CoefficientTableDto(string Source, string Basis, Guid? TerritoryId, int DivisionsCovered, IReadOnlyList<SectorCoefficientsDto> Sectors,
    IReadOnlyDictionary<string, FamilyReach> Families);

internal static class TerritoryMapping
{
    public static TerritoryDto AsDto(this TerritoryArea t)
    {
        using var json = JsonDocument.Parse(t.BoundaryJson);
        return new(t.Id, t.Name, new BoundingBox(t.MinLon, t.MinLat, t.MaxLon, t.MaxLat), t.Positions, t.Version,
            new DateTimeOffset(DateTime.SpecifyKind(t.UpdatedAt, DateTimeKind.Utc)), t.UpdatedBy, json.RootElement.Clone());
    }

    public static CoefficientOverrideDto AsDto(this CoefficientOverride o) =>
        new(o.TerritoryId, o.SectorId, o.Low, o.Central, o.High, o.Source, new DateTimeOffset(DateTime.SpecifyKind(o.UpdatedAt, DateTimeKind.Utc)), o.UpdatedBy);
}
