namespace Marketplace.Brokerage.Fees;

/// <summary>
/// One line of the append-only fee ledger. <see cref="SourceKey"/> is unique: the event that caused the
/// accrual writes it once however often it arrives. A mistake is undone by a reversing entry.
/// </summary>
public sealed class LedgerEntry
{
    public Guid Id { get; set; }
    public required string SourceKey { get; set; }
    /// <summary>See <see cref="LedgerSources"/>.</summary>
    public required string Source { get; set; }
    /// <summary>See <see cref="FeeTypes"/>.</summary>
    public required string FeeType { get; set; }
    public Guid PayerOrganisationId { get; set; }
    public Guid? ContractId { get; set; }
    public Guid? DeliveryId { get; set; }
    /// <summary>The collaborative project a facilitation or funding-application fee belongs to.</summary>
    public Guid? ProjectId { get; set; }
    public Guid? FeePlanId { get; set; }
    public required string Description { get; set; }
    /// <summary>Rounded to cents, half away from zero (<see cref="Money.Round"/>).</summary>
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    /// <summary>The month the fee belongs to (<c>yyyy-MM</c>); a billing run takes this month and any earlier unbilled ones.</summary>
    public required string Period { get; set; }
    public DateOnly OccurredOn { get; set; }
    public Guid? ReversesEntryId { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class LedgerSources
{
    public const string ContractSigned = "contract_signed";
    public const string DeliveryRecorded = "delivery_recorded";
    public const string MonthClosed = "month_closed";
    public const string ManualCharge = "manual_charge";
    public const string Reversal = "reversal";
    public const string InvoiceCap = "invoice_cap";
    public const string ProjectStageChanged = "project_stage_changed";
    public const string FundingApplicationSubmitted = "funding_submitted";
}

public static class FeeTypes
{
    public const string Percentage = "percentage";
    public const string PerUnit = "per_unit";
    public const string SuccessFee = "success_fee";
    public const string Membership = "membership";
    public const string Manual = "manual";
    public const string Reversal = "reversal";
    public const string Minimum = "minimum_top_up";
    public const string Maximum = "maximum_cap";
    public const string ProjectFacilitation = "project_facilitation";
    public const string ProjectStage = "project_stage";
    public const string FundingApplication = "funding_application";
    public const string ProjectSavingsShare = "project_savings_share";

    /// <summary>The fees the per-invoice minimum and maximum of a plan apply to.</summary>
    public static bool IsCapped(string feeType) => feeType is Percentage or PerUnit or SuccessFee;
}

/// <summary>
/// Money is <c>decimal</c> with a currency. Rounding rule: every ledger line and every VAT amount is rounded to
/// cents, half away from zero (0.005 → 0.01, −0.005 → −0.01); totals are sums of rounded lines.
/// </summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Splits an amount so that the parts are rounded and add up exactly to the rounded whole.</summary>
    public static (decimal Supplier, decimal Receiver) Split(decimal amount, decimal supplierShare)
    {
        var total = Round(amount);
        var supplier = Round(total * supplierShare);
        return (supplier, total - supplier);
    }
}
