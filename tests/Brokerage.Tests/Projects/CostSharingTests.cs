using Marketplace.Brokerage.Projects;

namespace Marketplace.Brokerage.Tests.Projects;

public sealed class CostSharingTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();

    [Fact]
    public void By_quantity_each_carries_its_share_of_the_pooled_quantity()
    {
        var result = CostSharing.Shares(CostSharing.ByQuantity, [A, B, C], new Dictionary<Guid, decimal> { [A] = 300m, [B] = 100m }, null);

        Assert.Null(result.Error);
        Assert.Equal(0.75m, result.Shares[A]);
        Assert.Equal(0.25m, result.Shares[B]);
        Assert.Equal(0m, result.Shares[C]);
    }

    [Fact]
    public void Equal_splits_among_every_participant()
    {
        var result = CostSharing.Shares(CostSharing.Equal, [A, B, C, Guid.NewGuid()], new Dictionary<Guid, decimal>(), null);

        Assert.All(result.Shares.Values, s => Assert.Equal(0.25m, s));
    }

    [Fact]
    public void Custom_shares_are_taken_as_entered_when_they_add_up_to_one()
    {
        var result = CostSharing.Shares(CostSharing.Custom, [A, B, C], new Dictionary<Guid, decimal>(), new Dictionary<Guid, decimal> { [A] = 0.5m, [C] = 0.5m });

        Assert.Null(result.Error);
        Assert.Equal(0m, result.Shares[B]);
        Assert.Equal(0.5m, result.Shares[C]);
    }

    [Theory]
    [InlineData(0.5, 0.4)]
    [InlineData(1.2, -0.2)]
    public void Custom_shares_that_do_not_add_up_or_leave_0_to_1_are_refused(double a, double b)
    {
        var result = CostSharing.Shares(CostSharing.Custom, [A, B], new Dictionary<Guid, decimal>(), new Dictionary<Guid, decimal> { [A] = (decimal)a, [B] = (decimal)b });

        Assert.NotNull(result.Error);
    }

    [Fact]
    public void A_custom_share_for_a_stranger_is_refused()
    {
        var result = CostSharing.Shares(CostSharing.Custom, [A], new Dictionary<Guid, decimal>(), new Dictionary<Guid, decimal> { [B] = 1m });

        Assert.Contains("not a participant", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_refused()
    {
        Assert.NotNull(CostSharing.Shares("weight", [A], new Dictionary<Guid, decimal>(), null).Error);
    }
}
