namespace Marketplace.Portal.Impact;

/// <summary>One bar as drawn: its label and value, and where it stands in the chart's coordinates.</summary>
public sealed record ChartBar(string Label, decimal Value, double X, double Y, double Width, double Height);

/// <summary>A grid line of the value axis: its value and where it is drawn.</summary>
public sealed record ChartTick(decimal Value, double X);

public sealed record ChartLayout(double Width, double Height, double ZeroX, IReadOnlyList<ChartBar> Bars, IReadOnlyList<ChartTick> Ticks);

/// <summary>
/// The geometry of a horizontal bar chart drawn on the server as SVG: one row per group (labels on the left, so long
/// names and a phone's width both fit), a value axis from a round minimum to a round maximum that always includes
/// zero, so a negative figure (a saving lost to transport) points left of the zero line.
/// </summary>
public static class BarChart
{
    public const double Width = 640;
    public const double LabelWidth = 150;
    public const double ValueRoom = 90;
    public const double RowHeight = 28;
    public const double BarHeight = 18;
    public const double AxisRoom = 24;

    public static ChartLayout Layout(IReadOnlyList<(string Label, decimal Value)> rows)
    {
        var max = NiceCeiling(Math.Max(0, rows.Count == 0 ? 0 : rows.Max(r => r.Value)));
        var min = -NiceCeiling(Math.Max(0, rows.Count == 0 ? 0 : -rows.Min(r => r.Value)));
        if (max == 0 && min == 0)
        {
            max = 1;
        }

        var plotWidth = Width - LabelWidth - ValueRoom;
        double XOf(decimal v) => LabelWidth + (double)((v - min) / (max - min)) * plotWidth;
        var bars = rows.Select((r, i) =>
        {
            var (left, right) = (XOf(Math.Min(0, r.Value)), XOf(Math.Max(0, r.Value)));
            return new ChartBar(r.Label, r.Value, left, i * RowHeight + (RowHeight - BarHeight) / 2, right - left, BarHeight);
        }).ToList();
        var ticks = Enumerable.Range(0, 5).Select(k => min + (max - min) * k / 4).Select(v => new ChartTick(v, XOf(v))).ToList();
        return new ChartLayout(Width, rows.Count * RowHeight + AxisRoom, XOf(0), bars, ticks);
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above <paramref name="value"/> (0 stays 0): an axis end a reader can take in at a glance.</summary>
    public static decimal NiceCeiling(decimal value)
    {
        if (value <= 0)
        {
            return 0;
        }

        var magnitude = 1m;
        while (magnitude * 10 < value)
        {
            magnitude *= 10;
        }

        while (magnitude > value)
        {
            magnitude /= 10;
        }

        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    /// <summary>A label cut to <paramref name="max"/> characters with an ellipsis (the table beside the chart has it whole).</summary>
    public static string Shortened(string label, int max = 20) => label.Length <= max ? label : label[..(max - 1)] + "…";
}
