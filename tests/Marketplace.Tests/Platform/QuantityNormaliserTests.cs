using Marketplace.Listings.Catalogue;

namespace Marketplace.Tests.Platform;

public sealed class QuantityNormaliserTests
{
    [Theory]
    [InlineData(300, "t", "week", 15600, "t")]
    [InlineData(500, "kg", "day", 182.5, "t")]
    [InlineData(36, "GJ", "month", 120, "MWh")]
    [InlineData(2000, "l", "once", 2, "m3")]
    [InlineData(12, "kWh", "year", 0.012, "MWh")]
    public void Flows_are_normalised_to_a_yearly_rate_in_a_base_unit(decimal amount, string unit, string per, decimal yearly, string baseUnit)
    {
        Assert.True(QuantityNormaliser.TryNormalise(amount, unit, per, out var y, out var b));
        Assert.Equal(yearly, y);
        Assert.Equal(baseUnit, b);
    }

    [Theory]
    [InlineData("tonnes", "year")]
    [InlineData("t", "fortnight")]
    public void Unknown_units_and_periods_are_refused(string unit, string per) =>
        Assert.False(QuantityNormaliser.TryNormalise(1, unit, per, out _, out _));
}
