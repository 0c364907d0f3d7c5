using System.Text.Json;
using Marketplace.Listings.Contracts;

namespace Marketplace.Brokerage.Impact;

public sealed record MaterialFactor(
    string Id, string ResourceClass, string Unit, IReadOnlyList<string> EwcPrefixes, IReadOnlyList<string> Families,
    decimal Co2eAvoidedKgPerTonne, decimal LandfillCostEurPerTonne, decimal VirginPriceEurPerTonne, bool Fallback, string? Source);

public sealed record TransportFactors(decimal RoadCircuityFactor, decimal Co2eKgPerTonneKm, decimal CostEurPerTonneKm,
    decimal FixedCostEurPerTonne, decimal TypicalExchangeDistanceKm, string? Source);

/// <summary>
/// The impact factors the project ships with their sources (<c>knowledge/factors.json</c>, embedded in this
/// assembly). A resource is matched by the longest List-of-Waste prefix, then by a family name in its title,
/// then by the fallback entry of its resource class.
/// </summary>
public sealed class ImpactFactors
{
    public required IReadOnlyList<MaterialFactor> Materials { get; init; }
    public required TransportFactors Transport { get; init; }

    public static ImpactFactors Load()
    {
        using var stream = typeof(ImpactFactors).Assembly.GetManifestResourceStream("factors.json")
            ?? throw new InvalidOperationException("The embedded resource factors.json is missing.");
        return Parse(stream);
    }

    public static ImpactFactors Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var t = root.GetProperty("transport");
        var transport = new TransportFactors(
            t.GetProperty("roadCircuityFactor").GetDecimal(),
            t.GetProperty("co2eKgPerTonneKm").GetDecimal(),
            t.GetProperty("costEurPerTonneKm").GetDecimal(),
            t.GetProperty("fixedCostEurPerTonne").GetDecimal(),
            t.GetProperty("typicalExchangeDistanceKm").GetDecimal(),
            t.TryGetProperty("co2eSource", out var s) ? s.GetString() : null);
        var materials = root.GetProperty("materials").EnumerateArray().Select(m => new MaterialFactor(
            m.GetProperty("id").GetString()!,
            m.GetProperty("resourceClass").GetString()!,
            m.GetProperty("unit").GetString()!,
            m.TryGetProperty("ewcPrefixes", out var p) ? [.. p.EnumerateArray().Select(x => x.GetString()!)] : [],
            m.TryGetProperty("families", out var f) ? [.. f.EnumerateArray().Select(x => x.GetString()!)] : [],
            m.GetProperty("co2eAvoidedKgPerTonne").GetDecimal(),
            m.GetProperty("landfillCostEurPerTonne").GetDecimal(),
            m.GetProperty("virginPriceEurPerTonne").GetDecimal(),
            m.TryGetProperty("fallback", out var fb) && fb.ValueKind == JsonValueKind.True,
            m.TryGetProperty("source", out var src) ? src.GetString() : null)).ToList();
        return new ImpactFactors { Materials = materials, Transport = transport };
    }

    public MaterialFactor Select(string? ewcCode, string? title, string? resourceClass)
    {
        var cls = string.IsNullOrWhiteSpace(resourceClass) ? ResourceClasses.Material : resourceClass;
        var ewc = ewcCode?.TrimEnd('*').Trim();
        if (!string.IsNullOrEmpty(ewc))
        {
            var byCode = Materials
                .SelectMany(m => m.EwcPrefixes.Where(p => ewc.StartsWith(p, StringComparison.Ordinal)).Select(p => (m, p.Length)))
                .OrderByDescending(x => x.Length)
                .ThenBy(x => x.m.Fallback)
                .ThenByDescending(x => FamilyHit(x.m, title))
                .Select(x => x.m)
                .FirstOrDefault();
            if (byCode is not null)
            {
                return byCode;
            }
        }

        var byName = Materials.Where(m => !m.Fallback && m.ResourceClass == cls && FamilyHit(m, title) > 0)
            .OrderByDescending(m => FamilyHit(m, title)).FirstOrDefault();
        return byName ?? Fallback(cls);
    }

    private MaterialFactor Fallback(string resourceClass) => resourceClass switch
    {
        ResourceClasses.Energy => Materials.First(m => m.Id == "generic-heat"),
        ResourceClasses.Water => Materials.First(m => m.Id == "generic-water"),
        ResourceClasses.Capacity => Materials.First(m => m.Id == "generic-capacity"),
        ResourceClasses.Service => Materials.First(m => m.Id == "generic-service"),
        _ => Materials.First(m => m.Id == "generic-non-hazardous-material"),
    };

    /// <summary>The length of the longest family name found as a whole phrase in the title (0 when none).</summary>
    private static int FamilyHit(MaterialFactor m, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return 0;
        }

        var padded = " " + new string([.. title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]) + " ";
        return m.Families.Where(f => padded.Contains(" " + f.ToLowerInvariant() + " ", StringComparison.Ordinal))
            .Select(f => f.Length).DefaultIfEmpty(0).Max();
    }
}
