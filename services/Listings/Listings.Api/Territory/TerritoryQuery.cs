using System.Globalization;
using Marketplace.Listings.Contracts;

namespace Marketplace.Listings.Territory;

public sealed record BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public static readonly BoundingBox World = new(-180, -90, 180, 90);

    public bool Contains(double lat, double lon) => lat >= MinLat && lat <= MaxLat && lon >= MinLon && lon <= MaxLon;
}

/// <summary>The parsed filters of GET /api/v1/territory/flows; each error names its parameter.</summary>
public sealed record TerritoryQuery(BoundingBox Box, IReadOnlySet<string> Layers, string? ResourceClass, string? Chapter, string? Family,
    bool? Hazardous, double? MinQuantity)
{
    /// <summary>The map's zoom: with it, a layer with more than <see cref="MaxPoints"/> points in the box comes as clusters.</summary>
    public int? Zoom { get; init; }

    public int MaxPoints { get; init; } = MapClusters.DefaultMaxPoints;

    /// <summary>Whether a layer of <paramref name="count"/> points is sent as clusters.</summary>
    public bool Clusters(int count) => Zoom is not null && count > MaxPoints;

    public const string Declared = "declared";
    public const string Estimated = "estimated";
    public const string Companies = "companies";
    public const string HotSpots = "hotspots";
    public const string Exchanges = "exchanges";
    public static readonly string[] AllLayers = [Declared, Estimated, Companies, HotSpots, Exchanges];
    public static readonly string[] Classes = ResourceClasses.All;

    public bool Wants(string layer) => Layers.Contains(layer);

    public bool Keeps(string resourceClass, string? chapter, string? family, bool hazardous, double quantity) =>
        (ResourceClass is null || ResourceClass == resourceClass)
        && (Chapter is null || Chapter == chapter)
        && (Family is null || string.Equals(Family, family, StringComparison.OrdinalIgnoreCase))
        && (Hazardous is null || Hazardous == hazardous)
        && (MinQuantity is null || quantity >= MinQuantity);

    public static TerritoryQuery? Parse(string? bbox, string? layer, string? resourceClass, string? chapter, string? family,
        bool? hazardous, double? minQuantity, Dictionary<string, string[]> errors, int? zoom = null, int? maxPoints = null)
    {
        if (zoom is < 0 or > 22)
        {
            errors["zoom"] = ["zoom must be a map zoom level from 0 to 22."];
        }

        if (maxPoints is < 1 or > 50_000)
        {
            errors["maxPoints"] = ["maxPoints must be between 1 and 50,000."];
        }

        var box = BoundingBox.World;
        if (!string.IsNullOrWhiteSpace(bbox))
        {
            var parts = bbox.Split(',');
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (numbers.Length != 4 || numbers.Any(double.IsNaN) || numbers[0] < -180 || numbers[2] > 180 || numbers[1] < -90 || numbers[3] > 90
                || numbers[0] >= numbers[2] || numbers[1] >= numbers[3])
            {
                errors["bbox"] = ["bbox must be minLon,minLat,maxLon,maxLat in degrees (WGS 84), west before east and south before north, such as 10.8,55.5,12.0,55.9."];
            }
            else
            {
                box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
            }
        }

        var layers = string.IsNullOrWhiteSpace(layer)
            ? AllLayers.ToHashSet(StringComparer.Ordinal)
            : layer.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (layers.Except(AllLayers).Any())
        {
            errors["layer"] = [$"layer must be one or more of {string.Join(", ", AllLayers)}, separated by commas."];
        }

        if (resourceClass is not null && !Classes.Contains(resourceClass))
        {
            errors["class"] = [$"class must be one of: {string.Join(", ", Classes)}."];
        }

        if (chapter is not null && !(chapter.Length == 2 && chapter.All(char.IsAsciiDigit) && int.Parse(chapter, CultureInfo.InvariantCulture) is >= 1 and <= 20))
        {
            errors["chapter"] = ["chapter must be a List-of-Waste chapter from 01 to 20, two digits."];
        }

        if (minQuantity is < 0)
        {
            errors["minQuantity"] = ["minQuantity must not be negative."];
        }

        return errors.Count > 0 ? null : new TerritoryQuery(box, layers, resourceClass, chapter, family, hazardous, minQuantity)
        {
            Zoom = zoom, MaxPoints = maxPoints ?? MapClusters.DefaultMaxPoints,
        };
    }
}
