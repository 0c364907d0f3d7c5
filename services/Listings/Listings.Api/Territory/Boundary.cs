using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Marketplace.Listings.Territory;

/// <summary>
/// A territory's boundary: polygons of rings of (lon, lat) positions, read from GeoJSON (RFC 7946: a Polygon, a
/// MultiPolygon, or a Feature or FeatureCollection of them) and written back as one MultiPolygon. Rings must be closed
/// with at least four positions, inside WGS 84's range; holes count as holes.
/// </summary>
public sealed class Boundary
{
    public const int MaxPositions = 200_000;

    private Boundary(List<List<(double Lon, double Lat)[]>> polygons)
    {
        Polygons = polygons;
        var all = polygons.SelectMany(p => p[0]).ToList();
        Box = new BoundingBox(all.Min(p => p.Lon), all.Min(p => p.Lat), all.Max(p => p.Lon), all.Max(p => p.Lat));
        Positions = polygons.Sum(p => p.Sum(r => r.Length));
    }

    /// <summary>Each polygon's outer ring first, then its holes.</summary>
    public IReadOnlyList<List<(double Lon, double Lat)[]>> Polygons { get; }

    public BoundingBox Box { get; }

    public int Positions { get; }

    /// <summary>Inside an outer ring and outside its holes (even-odd ray casting; a point on an edge may fall either way).</summary>
    public bool Contains(double lat, double lon) =>
        Box.Contains(lat, lon) && Polygons.Any(p => Inside(p[0], lat, lon) && !p.Skip(1).Any(hole => Inside(hole, lat, lon)));

    private static bool Inside((double Lon, double Lat)[] ring, double lat, double lon)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > lat) != (yj > lat) && lon < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>The boundary as a GeoJSON MultiPolygon geometry.</summary>
    public string ToGeoJson()
    {
        var text = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        text.AppendJoin(',', Polygons.Select(p => "[" + string.Join(',', p.Select(r =>
            "[" + string.Join(',', r.Select(x => string.Create(CultureInfo.InvariantCulture, $"[{x.Lon:R},{x.Lat:R}]"))) + "]")) + "]"));
        return text.Append("]}").ToString();
    }

    /// <summary>The boundary in <paramref name="geoJson"/>, or the reason it is not one.</summary>
    public static (Boundary? Boundary, string? Error) Parse(JsonElement geoJson)
    {
        var polygons = new List<List<(double Lon, double Lat)[]>>();
        var error = Collect(geoJson, polygons, 0);
        if (error is null && polygons.Count == 0)
        {
            error = "The GeoJSON holds no Polygon or MultiPolygon.";
        }

        if (error is null && polygons.Sum(p => p.Sum(r => r.Length)) > MaxPositions)
        {
            error = $"The boundary has more than {MaxPositions:N0} positions; simplify it (for example with mapshaper) and upload again.";
        }

        return error is null ? (new Boundary(polygons), null) : (null, error);
    }

    private static string? Collect(JsonElement node, List<List<(double Lon, double Lat)[]>> polygons, int depth)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return "Each GeoJSON object needs a \"type\".";
        }

        switch (type.GetString())
        {
            case "FeatureCollection" when depth == 0:
                if (!node.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                {
                    return "A FeatureCollection needs a \"features\" array.";
                }

                return features.EnumerateArray().Select(f => Collect(f, polygons, depth + 1)).FirstOrDefault(e => e is not null);
            case "Feature":
                return node.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
                    ? Collect(geometry, polygons, depth + 1)
                    : "A Feature needs a \"geometry\".";
            case "Polygon":
                return Polygon(Coordinates(node), polygons);
            case "MultiPolygon":
                return Coordinates(node) is { ValueKind: JsonValueKind.Array } many
                    ? many.EnumerateArray().Select(p => Polygon(p, polygons)).FirstOrDefault(e => e is not null)
                    : "A MultiPolygon needs \"coordinates\": an array of polygons.";
            case "Point" or "MultiPoint" or "LineString" or "MultiLineString":
                return $"A boundary is an area: a {type.GetString()} is not one (use a Polygon or MultiPolygon).";
            default:
                return $"\"{type.GetString()}\" is not a GeoJSON type this upload accepts (Polygon, MultiPolygon, Feature, FeatureCollection).";
        }
    }

    private static JsonElement Coordinates(JsonElement node) => node.TryGetProperty("coordinates", out var c) ? c : default;

    private static string? Polygon(JsonElement rings, List<List<(double Lon, double Lat)[]>> polygons)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            return "A Polygon needs \"coordinates\": an array of linear rings, the outer ring first.";
        }

        var polygon = new List<(double Lon, double Lat)[]>();
        foreach (var ring in rings.EnumerateArray())
        {
            var (positions, error) = Ring(ring);
            if (error is not null)
            {
                return error;
            }

            polygon.Add(positions!);
        }

        polygons.Add(polygon);
        return null;
    }

    private static ((double Lon, double Lat)[]? Ring, string? Error) Ring(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
        {
            return (null, "A linear ring needs at least four positions, the last the same as the first.");
        }

        var positions = new List<(double Lon, double Lat)>(ring.GetArrayLength());
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                return (null, "A position is an array [longitude, latitude] of numbers.");
            }

            var (lon, lat) = (position[0].GetDouble(), position[1].GetDouble());
            if (lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                return (null, string.Create(CultureInfo.InvariantCulture,
                    $"Position [{lon}, {lat}] is outside WGS 84 (longitude -180..180, latitude -90..90); GeoJSON is longitude first, in degrees."));
            }

            positions.Add((lon, lat));
        }

        return positions[0] != positions[^1]
            ? (null, "A linear ring must be closed: its last position must repeat its first.")
            : ([.. positions], null);
    }
}
