namespace Marketplace.Brokerage.Fees;

/// <summary>
/// One version of a fee plan. Versions of a code are never edited; a change is a new version with its own
/// effective date, and each fee uses the version in force on the day of the event that causes it.
/// </summary>
public sealed class FeePlan
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public required string Currency { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Percent of the transaction value (|quantity × price|), e.g. 2.5 for 2.5 %.</summary>
    public decimal? PercentOfValue { get; set; }
    /// <summary>Amount per <see cref="PerUnit"/> delivered.</summary>
    public decimal? AmountPerUnit { get; set; }
    public string? PerUnit { get; set; }
    /// <summary>Flat fee when a contract becomes active (both signatures).</summary>
    public decimal? SuccessFee { get; set; }
    /// <summary>Per organisation and month in which it has an active contract under this plan.</summary>
    public decimal? MonthlyMembership { get; set; }
    /// <summary>Flat project facilitation fee, once per project when it reaches agreement; split equally among the members.</summary>
    public decimal? ProjectFacilitationFee { get; set; }
    /// <summary>Per stage a project reaches (feasibility, agreement, implementation, operating, closed); split equally among the members.</summary>
    public decimal? ProjectStageFee { get; set; }
    /// <summary>Per funding application submitted for a project; split equally among the members.</summary>
    public decimal? FundingApplicationFee { get; set; }
    /// <summary>Percent of a running project's verified savings (the impact of confirmed deliveries under its contracts), per month; split equally among the members.</summary>
    public decimal? ProjectSavingsPercent { get; set; }
    public decimal? MinimumPerInvoice { get; set; }
    public decimal? MaximumPerInvoice { get; set; }
    /// <summary><c>supplier</c>, <c>receiver</c> or <c>split</c>.</summary>
    public required string Payer { get; set; }
    /// <summary>The supplier's share when the payer is <c>split</c> (0..1).</summary>
    public decimal SupplierShare { get; set; } = 0.5m;
    public DateTime CreatedAt { get; set; }
}

public static class Payers
{
    public const string Supplier = "supplier";
    public const string Receiver = "receiver";
    public const string Split = "split";
}
