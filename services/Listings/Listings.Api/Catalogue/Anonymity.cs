namespace Marketplace.Listings.Catalogue;

/// <summary>Anonymous listings show a grid-cell centre (~5 km cells), the same on every read so averaging reveals nothing.</summary>
public static class Anonymity
{
    public const double CellKm = 5.0;
    private const double KmPerDegree = 111.32;

    public static (double Lat, double Lon) Round(double lat, double lon)
    {
        var latStep = CellKm / KmPerDegree;
        var roundedLat = Math.Clamp((Math.Floor(lat / latStep) + 0.5) * latStep, -90, 90);
        var lonStep = Math.Min(CellKm / (KmPerDegree * Math.Max(Math.Cos(roundedLat * Math.PI / 180), 0.01)), 360);
        var roundedLon = Math.Clamp((Math.Floor(lon / lonStep) + 0.5) * lonStep, -180, 180);
        return (Math.Round(roundedLat, 4), Math.Round(roundedLon, 4));
    }
}
