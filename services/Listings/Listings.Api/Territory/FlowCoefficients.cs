using System.Text.Json;

namespace Marketplace.Listings.Territory;

public sealed record PerEmployee(double Low, double Central, double High);

/// <summary>One likely stream of a sector: a List-of-Waste chapter (null for heat and water) and its share of the sector's tonnes, or its own per-employee rate in its unit.</summary>
public sealed record StreamProfile(string Id, string Label, string ResourceClass, string Family, string? Chapter, string? ExampleCode,
    string Unit, double? Share, PerEmployee? PerEmployee)
{
    public bool Hazardous => ExampleCode?.EndsWith('*') == true;
}

/// <summary>How far a family of resources travels, and the yearly amount that makes a pooled installation viable.</summary>
public sealed record FamilyReach(double RangeKm, double PoolingMinimum, string Unit);

public sealed record SectorProfile(string Id, string Label, IReadOnlyList<string> Divisions, PerEmployee PerEmployee, IReadOnlyList<StreamProfile> Streams);

/// <summary>
/// knowledge/estimates.json: NACE division → sector profile (env_wasgen aggregates), with per-country overrides of the
/// tonnes per person employed where a country value is known. <see cref="Source"/> names where the figures come from.
/// </summary>
public sealed class FlowCoefficients
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, SectorProfile> byDivision = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, string Sector), PerEmployee> countries = [];

    public FlowCoefficients(IEnumerable<SectorProfile> sectors, string source, string basis,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, PerEmployee>>? countryValues = null,
        IReadOnlyDictionary<string, FamilyReach>? families = null)
    {
        Sectors = [.. sectors];
        Families = families ?? new Dictionary<string, FamilyReach>();
        Source = source;
        Basis = basis;
        foreach (var sector in Sectors)
        {
            foreach (var division in sector.Divisions)
            {
                byDivision[division] = sector;
            }
        }

        foreach (var (country, values) in countryValues ?? new Dictionary<string, IReadOnlyDictionary<string, PerEmployee>>())
        {
            foreach (var (sector, value) in values)
            {
                countries[(country.ToUpperInvariant(), sector)] = value;
            }
        }
    }

    public IReadOnlyList<SectorProfile> Sectors { get; }
    public IReadOnlyDictionary<string, FamilyReach> Families { get; }
    public string Source { get; }
    public string Basis { get; }
    /// <summary>The shipped country values of a sector, by ISO country code.</summary>
    public IReadOnlyDictionary<string, PerEmployee> CountryValues(string sectorId) =>
        countries.Where(c => c.Key.Sector == sectorId).OrderBy(c => c.Key.Country, StringComparer.Ordinal).ToDictionary(c => c.Key.Country, c => c.Value);

    public SectorProfile? Sector(string sectorId) => Sectors.FirstOrDefault(s => s.Id == sectorId);

    public int DivisionsCovered => byDivision.Count(d => d.Value.Streams.Count > 0);

    /// <summary>The sector of a NACE code at any level (C10.51, 10.51, 10.5, 10): its first two digits name the division.</summary>
    public SectorProfile? SectorOf(string? naceCode)
    {
        var digits = new string([.. (naceCode ?? "").Where(char.IsAsciiDigit).Take(2)]);
        return digits.Length == 2 && byDivision.TryGetValue(digits, out var sector) ? sector : null;
    }

    /// <summary>The country's value where one is shipped, else the sector default; the flag says which.</summary>
    public (PerEmployee Value, bool CountryValue) RateFor(SectorProfile sector, string country) =>
        countries.TryGetValue((country.ToUpperInvariant(), sector.Id), out var value) ? (value, true) : (sector.PerEmployee, false);

    public static FlowCoefficients Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<CoefficientFile>(json, Json) ?? throw new InvalidDataException("estimates.json is empty.");
        var sectors = file.Sectors.Select(s => new SectorProfile(s.Id, s.Label, s.Divisions, s.PerEmployee,
            [.. s.Streams.Select(t => new StreamProfile(t.Id, t.Label, t.Class, t.Family, t.Chapter, t.ExampleCode, t.Unit, t.Share, t.PerEmployee))]));
        return new FlowCoefficients(sectors, file.IntendedSource, file.Basis, file.Countries, file.Families);
    }

    public static FlowCoefficients LoadEmbedded()
    {
        using var stream = typeof(FlowCoefficients).Assembly.GetManifestResourceStream("estimates.json")
            ?? throw new InvalidOperationException("estimates.json is not embedded.");
        return Load(stream);
    }

    private sealed record CoefficientFile(string IntendedSource, string Basis, List<SectorFile> Sectors,
        Dictionary<string, IReadOnlyDictionary<string, PerEmployee>>? Countries, Dictionary<string, FamilyReach>? Families);

    private sealed record SectorFile(string Id, string Label, List<string> Divisions, PerEmployee PerEmployee, List<StreamFile> Streams);

    private sealed record StreamFile(string Id, string Label, string Class, string Family, string? Chapter, string? ExampleCode,
        string Unit, double? Share, PerEmployee? PerEmployee);
}
