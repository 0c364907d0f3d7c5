using System.Text;

namespace Marketplace.Portal.Territory;

/// <summary>
/// The resource map's filters as the page's GET form sends them. Values travel to the territory API untouched, so the
/// API alone decides what is valid (a bad one comes back as its 400 naming the parameter, shown on the page).
/// </summary>
public sealed record MapFilter(string? ResourceClass, string? Chapter, string? Family, string? Hazardous, string? MinQuantity, IReadOnlyList<string> Layers)
{
    public const string Declared = "declared";
    public const string Estimated = "estimated";
    public const string Companies = "companies";
    public const string HotSpots = "hotspots";
    public const string Exchanges = "exchanges";
    public const string Territories = "territories";
    public static readonly string[] AllLayers = [Declared, Estimated, Companies, HotSpots, Exchanges, Territories];

    public static MapFilter From(string? resourceClass, string? chapter, string? family, string? hazardous, string? minQuantity, string[]? layers) =>
        new(Blank(resourceClass), Blank(chapter), Blank(family), Blank(hazardous), Blank(minQuantity),
            layers is { Length: > 0 } ? [.. AllLayers.Where(layers.Contains)] : AllLayers);

    /// <summary>Whether a layer is shown (on the map and in the table); the API is asked for all of them, hot spots name companies.</summary>
    public bool Shows(string layer) => Layers.Contains(layer);

    /// <summary>The territory API's query string (every layer: the page toggles them without asking again).</summary>
    public string ApiQuery()
    {
        var query = new StringBuilder();
        Add(query, "class", ResourceClass);
        Add(query, "chapter", Chapter);
        Add(query, "family", Family);
        Add(query, "hazardous", Hazardous);
        Add(query, "minQuantity", MinQuantity);
        return query.ToString();
    }

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
