using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.Projects;

namespace Marketplace.Brokerage.Tests.Projects;

/// <summary>The facilitator's fees as pure functions: which stage changes cost what, and how a fee is split among the members.</summary>
public sealed class ProjectFeeTests
{
    private static readonly FeePlan Plan = new()
    {
        Code = "facilitation", Name = "Facilitation", Currency = "EUR", Payer = Payers.Supplier, ProjectStageFee = 250m, ProjectFacilitationFee = 3000m,
    };

    [Fact]
    public void Six_members_share_250_as_five_times_41_67_and_41_65()
    {
        var parts = ProjectFees.SplitEqually(250m, [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())]);

        Assert.Equal([41.67m, 41.67m, 41.67m, 41.67m, 41.67m, 41.65m], parts.Select(p => p.Amount));
        Assert.Equal(250m, parts.Sum(p => p.Amount));
    }

    [Fact]
    public void Without_members_nobody_is_charged()
    {
        Assert.Empty(ProjectFees.SplitEqually(250m, []));
    }

    [Theory]
    [InlineData("feasibility", 250)]
    [InlineData("agreement", 3250)]
    [InlineData("operating", 250)]
    [InlineData("closed", 250)]
    [InlineData("abandoned", 0)]
    [InlineData("idea", 0)]
    public void Each_stage_reached_costs_the_stage_fee_and_agreement_also_the_facilitation_fee(string to, decimal expected)
    {
        var fees = ProjectFees.ForStage(Plan, Guid.NewGuid(), "Digester", to).ToList();

        Assert.Equal(expected, fees.Sum(f => f.Amount));
        Assert.Equal(fees.Count, fees.Select(f => f.Key).Distinct().Count());
    }

    [Theory]
    [InlineData(12345.67, 10, 1234.57)]
    [InlineData(-500, 10, 0)]
    [InlineData(0, 10, 0)]
    public void The_savings_share_is_the_percent_of_positive_savings(decimal savings, decimal percent, decimal expected)
    {
        Assert.Equal(expected, ProjectFees.SavingsShare(savings, percent));
    }
}
