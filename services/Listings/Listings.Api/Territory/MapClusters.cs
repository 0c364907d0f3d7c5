namespace Marketplace.Listings.Territory;

/// <summary>Many points of one layer in one grid cell, as the map draws them when the box holds too many to send one by one.</summary>
public sealed record MapCluster(string Layer, double Lat, double Lon, int Count, double MinLat, double MinLon, double MaxLat, double MaxLon);

/// <summary>
/// Server-side clustering for the map's overview: with <c>zoom</c>, a layer with more than <c>maxPoints</c> points in the
/// box is sent as cells of a grid about 64 screen pixels wide at that zoom (360° / 2^zoom / 4), each at the mean of its
/// points with their count and extent; the map asks again, closer, for the points themselves.
/// </summary>
public static class MapClusters
{
    public const int DefaultMaxPoints = 2000;

    public static double CellDegrees(int zoom) => 360.0 / Math.Pow(2, zoom) / 4;

    public static List<MapCluster> Cluster(string layer, IEnumerable<(double Lat, double Lon)> points, int zoom)
    {
        var cell = CellDegrees(zoom);
        return [.. points
            .GroupBy(p => (Math.Floor(p.Lat / cell), Math.Floor(p.Lon / cell)))
            .Select(g => new MapCluster(layer, Math.Round(g.Average(p => p.Lat), 5), Math.Round(g.Average(p => p.Lon), 5), g.Count(),
                g.Min(p => p.Lat), g.Min(p => p.Lon), g.Max(p => p.Lat), g.Max(p => p.Lon)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Lat).ThenBy(c => c.Lon)];
    }
}
