using System.Text;

namespace Marketplace.Portal.Territory;

/// <summary>
/// The resource map's filters as the page's GET form sends them. Values travel to the territory API untouched, so the
/// API alone decides what is valid (a bad one comes back as its 400 naming the parameter, shown on the page).
/// </summary>
public sealed record MapFilter(string? ResourceClass, string? Chapter, string? Family, string? Hazardous, string? MinQuantity, IReadOnlyList<string> Layers)
{
    /// <summary>How many points of a layer a view shows before they come as clusters (the API's default, 2,000, when not given).</summary>
    public string? MaxPoints { get; init; }

    public const string Declared = "declared";
    public const string Estimated = "estimated";
    public const string Companies = "companies";
    public const string HotSpots = "hotspots";
    public const string Exchanges = "exchanges";
    public const string Territories = "territories";
    public static readonly string[] AllLayers = [Declared, Estimated, Companies, HotSpots, Exchanges, Territories];

    public static MapFilter From(string? resourceClass, string? chapter, string? family, string? hazardous, string? minQuantity, string[]? layers,
        string? maxPoints = null) =>
        new(Blank(resourceClass), Blank(chapter), Blank(family), Blank(hazardous), Blank(minQuantity),
            layers is { Length: > 0 } ? [.. AllLayers.Where(layers.Contains)] : AllLayers) { MaxPoints = Blank(maxPoints) };

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
        Add(query, "maxPoints", MaxPoints);
        return query.ToString();
    }

    /// <summary>The zoom the page asks for its first view: a country. With more than 2,000 points a layer comes as clusters.</summary>
    public const int OverviewZoom = 7;

    /// <summary>The filters and layers as this page's own query string, for the map's script to ask for other views with.</summary>
    public string PageQuery()
    {
        var query = new StringBuilder(ApiQuery());
        foreach (var layer in Layers)
        {
            Add(query, "layer", layer);
        }

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
