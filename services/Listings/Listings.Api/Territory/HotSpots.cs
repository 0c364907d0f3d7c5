namespace Marketplace.Listings.Territory;

/// <summary>A flow on the map: supply (an offer or an estimate) or demand (a want) of one family at one place.</summary>
public sealed record FlowPoint(Guid OrganisationId, string Family, bool Supply, bool Declared, double Lat, double Lon, double Quantity);

/// <summary>
/// <c>exchange</c>: a demand with supply of the same family from another organisation within the family's range;
/// <c>pooling</c>: supplies of at least three organisations in one cell of that range reaching the family's pooling minimum together.
/// </summary>
/// <remarks><c>Organisations</c> names at most <see cref="HotSpots.ListedOrganisations"/> (demand first, then supply nearest first); <c>OrganisationCount</c> counts them all.</remarks>
public sealed record HotSpot(string Kind, string Family, double Lat, double Lon, double RangeKm, IReadOnlyList<Guid> Organisations,
    int OrganisationCount, int DeclaredFlows, int EstimatedFlows, double SupplyQuantity, string Unit);

public static class HotSpots
{
    public const string Exchange = "exchange";
    public const string Pooling = "pooling";
    private const int PoolingOrganisations = 3;

    /// <summary>A dense territory puts thousands of organisations in range of each other: a spot names the first few, and counts all.</summary>
    public const int ListedOrganisations = 25;
    private const double KmPerDegree = 111.2;

    public static IReadOnlyList<HotSpot> Find(IReadOnlyList<FlowPoint> points, IReadOnlyDictionary<string, FamilyReach> families)
    {
        var spots = new List<HotSpot>();
        foreach (var family in points.GroupBy(p => p.Family, StringComparer.Ordinal))
        {
            if (!families.TryGetValue(family.Key, out var reach))
            {
                continue;
            }

            var supplies = family.Where(p => p.Supply).ToList();
            var grid = new Grid(supplies, reach.RangeKm);
            // One exchange spot per grid cell of demand (at the demands' centre), not one per want: in a dense territory
            // every want is in range of most supplies, and a spot per want repeated them thousands of times.
            foreach (var demands in family.Where(p => !p.Supply).GroupBy(grid.Key))
            {
                var (lat, lon) = (demands.Average(d => d.Lat), demands.Average(d => d.Lon));
                var others = demands.Select(d => d.OrganisationId).Distinct().Count() > 1;
                var near = grid.Near(lat, lon).Select(s => (Supply: s, Km: Km(s.Lat, s.Lon, lat, lon)))
                    .Where(s => s.Km <= reach.RangeKm && (others || s.Supply.OrganisationId != demands.First().OrganisationId))
                    .OrderBy(s => s.Km).Select(s => s.Supply).ToList();
                if (near.Count > 0)
                {
                    spots.Add(Spot(Exchange, family.Key, reach, [.. demands, .. near], lat, lon, near));
                }
            }

            foreach (var cell in grid.Cells)
            {
                var organisations = cell.Select(p => p.OrganisationId).Distinct().Count();
                if (organisations >= PoolingOrganisations && cell.Sum(p => p.Quantity) >= reach.PoolingMinimum
                    && cell.All(p => p.Quantity < reach.PoolingMinimum))
                {
                    spots.Add(Spot(Pooling, family.Key, reach, cell, cell.Average(p => p.Lat), cell.Average(p => p.Lon), cell));
                }
            }
        }

        return spots;
    }

    public static double Km(FlowPoint a, FlowPoint b) => Km(a.Lat, a.Lon, b.Lat, b.Lon);

    /// <summary>Great-circle distance (haversine).</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static HotSpot Spot(string kind, string family, FamilyReach reach, IReadOnlyList<FlowPoint> members, double lat, double lon, IReadOnlyList<FlowPoint> supplies)
    {
        var organisations = members.Select(m => m.OrganisationId).Distinct().ToList();
        return new(kind, family, Math.Round(lat, 5), Math.Round(lon, 5), reach.RangeKm, [.. organisations.Take(ListedOrganisations)], organisations.Count,
            members.Count(m => m.Declared), members.Count(m => !m.Declared), Math.Round(supplies.Sum(s => s.Quantity), 1), reach.Unit);
    }

    /// <summary>Cells one range wide (in longitude at the widest latitude present), so anything in range lies in the 3 × 3 cells around a point.</summary>
    private sealed class Grid
    {
        private readonly double latStep;
        private readonly double lonStep;
        private readonly Dictionary<(long, long), List<FlowPoint>> cells = [];

        public Grid(IReadOnlyList<FlowPoint> points, double rangeKm)
        {
            var widest = points.Count == 0 ? 0 : Math.Min(85, points.Max(p => Math.Abs(p.Lat)));
            latStep = rangeKm / KmPerDegree;
            lonStep = Math.Min(360, rangeKm / (KmPerDegree * Math.Cos(double.DegreesToRadians(widest))));
            foreach (var point in points)
            {
                var key = Key(point.Lat, point.Lon);
                if (!cells.TryGetValue(key, out var list))
                {
                    cells[key] = list = [];
                }

                list.Add(point);
            }
        }

        public IEnumerable<List<FlowPoint>> Cells => cells.Values;

        public IEnumerable<FlowPoint> Near(double lat, double lon)
        {
            var (row, column) = Key(lat, lon);
            for (var r = row - 1; r <= row + 1; r++)
            {
                for (var c = column - 1; c <= column + 1; c++)
                {
                    if (cells.TryGetValue((r, c), out var list))
                    {
                        foreach (var p in list)
                        {
                            yield return p;
                        }
                    }
                }
            }
        }

        public (long, long) Key(FlowPoint point) => Key(point.Lat, point.Lon);

        private (long, long) Key(double lat, double lon) => ((long)Math.Floor(lat / latStep), (long)Math.Floor(lon / lonStep));
    }
}
