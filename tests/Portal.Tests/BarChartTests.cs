using Marketplace.Portal.Impact;

namespace Marketplace.Portal.Tests;

/// <summary>The impact chart's geometry: round axis ends, bars proportional to their values, negatives left of zero.</summary>
public sealed class BarChartTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.7, 1)]
    [InlineData(1, 1)]
    [InlineData(7.3, 10)]
    [InlineData(12, 20)]
    [InlineData(21, 25)]
    [InlineData(36, 50)]
    [InlineData(101, 200)]
    [InlineData(4800, 5000)]
    public void NiceCeiling_rounds_up_to_one_two_two_and_a_half_or_five_times_a_power_of_ten(double value, double expected) =>
        Assert.Equal((decimal)expected, BarChart.NiceCeiling((decimal)value));

    [Fact]
    public void Bars_start_at_zero_and_are_as_long_as_their_share_of_the_axis()
    {
        var layout = BarChart.Layout([("2026-10", 50m), ("2026-11", 100m)]);
        var plot = BarChart.Width - BarChart.LabelWidth - BarChart.ValueRoom;

        Assert.Equal(BarChart.LabelWidth, layout.ZeroX, 3);
        Assert.All(layout.Bars, b => Assert.Equal(layout.ZeroX, b.X, 3));
        Assert.Equal(plot / 2, layout.Bars[0].Width, 3);
        Assert.Equal(plot, layout.Bars[1].Width, 3);
        Assert.Equal(layout.Bars[0].Y + BarChart.RowHeight, layout.Bars[1].Y, 3);
        Assert.Equal(2 * BarChart.RowHeight + BarChart.AxisRoom, layout.Height, 3);
        Assert.Equal([0m, 25m, 50m, 75m, 100m], layout.Ticks.Select(t => t.Value));
    }

    [Fact]
    public void A_negative_value_points_left_of_the_zero_line()
    {
        var layout = BarChart.Layout([("DK", 40m), ("SE", -10m)]);

        Assert.True(layout.ZeroX > BarChart.LabelWidth);
        Assert.Equal(layout.ZeroX, layout.Bars[0].X, 3);
        Assert.Equal(layout.ZeroX, layout.Bars[1].X + layout.Bars[1].Width, 3);
        Assert.Equal(-10m, layout.Ticks[0].Value);
        Assert.Equal(50m, layout.Ticks[^1].Value);
    }

    [Fact]
    public void No_groups_or_only_zeros_still_give_an_axis()
    {
        Assert.Empty(BarChart.Layout([]).Bars);
        var zeros = BarChart.Layout([("x", 0m)]);
        Assert.Equal(0, zeros.Bars[0].Width, 3);
        Assert.Equal(1m, zeros.Ticks[^1].Value);
    }

    [Fact]
    public void A_long_label_is_cut_with_an_ellipsis() =>
        Assert.Equal("Secondary raw mater…", BarChart.Shortened("Secondary raw materials from construction"));
}
