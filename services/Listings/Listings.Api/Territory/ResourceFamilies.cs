using Marketplace.Listings.Contracts;

namespace Marketplace.Listings.Territory;

/// <summary>
/// The resource family of a declared listing, read from the same table as the estimates: energy is heat, water is
/// water, a material by its List-of-Waste entry (or, failing that, the family most streams of its chapter have).
/// Capacity, services and materials without a known code have no family and make no hot spot.
/// </summary>
public sealed class ResourceFamilies
{
    private readonly Dictionary<string, string> byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byChapter = new(StringComparer.Ordinal);

    public ResourceFamilies(FlowCoefficients coefficients)
    {
        var streams = coefficients.Sectors.SelectMany(s => s.Streams).Where(t => t.ExampleCode is not null && t.Chapter is not null).ToList();
        foreach (var stream in streams)
        {
            byCode.TryAdd(Digits(stream.ExampleCode!), stream.Family);
        }

        foreach (var chapter in streams.GroupBy(t => t.Chapter!))
        {
            byChapter[chapter.Key] = chapter.GroupBy(t => t.Family).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        }
    }

    public const string Heat = "low-grade heat";
    public const string Water = "water";

    public string? Of(string resourceClass, string? ewcCode) => resourceClass switch
    {
        ResourceClasses.Energy => Heat,
        ResourceClasses.Water => Water,
        ResourceClasses.Material when ewcCode is not null => byCode.GetValueOrDefault(Digits(ewcCode))
            ?? (Digits(ewcCode) is { Length: >= 2 } d ? byChapter.GetValueOrDefault(d[..2]) : null),
        _ => null,
    };

    private static string Digits(string code) => new([.. code.Where(char.IsAsciiDigit)]);
}
