namespace Marketplace.Security.Tests;

/// <summary>What an attacker does with distances to three known points: the least-squares position, by grid search.</summary>
internal static class Trilateration
{
    public static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * 6371.0088 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The point within ±<paramref name="spanDeg"/> of the start whose distances to the anchors best fit the measured ones.</summary>
    public static (double Lat, double Lon) Solve(IReadOnlyList<(double Lat, double Lon, double Km)> anchors, (double Lat, double Lon) start, double spanDeg = 0.1)
    {
        var best = start;
        for (var step = spanDeg / 50; step > 1e-6; step /= 10)
        {
            var centre = best;
            var bestError = double.MaxValue;
            for (var i = -50; i <= 50; i++)
            {
                for (var j = -50; j <= 50; j++)
                {
                    var p = (Lat: centre.Lat + (i * step), Lon: centre.Lon + (j * step));
                    var error = anchors.Sum(a => Math.Pow(GreatCircleKm(p.Lat, p.Lon, a.Lat, a.Lon) - a.Km, 2));
                    if (error < bestError)
                    {
                        bestError = error;
                        best = p;
                    }
                }
            }
        }

        return best;
    }
}
