namespace Marketplace.Listings.Catalogue;

/// <summary>Great-circle distance and the latitude/longitude box around a circle, for <c>near</c> and anonymity checks.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0;
    private const double KmPerDegree = 111.32;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The box that holds the circle; its longitudes may pass ±180 near the date line or the poles.</summary>
    public static (double MinLat, double MaxLat, double MinLon, double MaxLon) BoundingBox(double lat, double lon, double km)
    {
        var dLat = km / KmPerDegree;
        var dLon = Math.Min(km / (KmPerDegree * Math.Max(Math.Cos(lat * Math.PI / 180), 0.01)), 360);
        return (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    }
}
