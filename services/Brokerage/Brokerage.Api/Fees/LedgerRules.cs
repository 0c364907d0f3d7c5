namespace Marketplace.Brokerage.Fees;

/// <summary>The ledger's reversal rules as pure functions.</summary>
public static class LedgerRules
{
    public static string? CanReverse(LedgerEntry entry, bool alreadyReversed) => entry switch
    {
        { ReversesEntryId: not null } => "A reversing entry cannot itself be reversed; record a new charge instead.",
        { Source: LedgerSources.InvoiceCap } => "A minimum or maximum adjustment belongs to its invoice; void the invoice instead.",
        _ when alreadyReversed => "This entry has already been reversed.",
        _ => null,
    };

    /// <summary>The reversing entry: the same payer, plan and currency, the opposite amount, in the month it is made.</summary>
    public static LedgerEntry Reverse(LedgerEntry original, string reason, DateOnly today) => new()
    {
        SourceKey = $"reversal:{original.Id}",
        Source = LedgerSources.Reversal,
        FeeType = original.FeeType,
        PayerOrganisationId = original.PayerOrganisationId,
        ContractId = original.ContractId,
        DeliveryId = original.DeliveryId,
        ProjectId = original.ProjectId,
        FeePlanId = original.FeePlanId,
        Description = $"Reversal: {original.Description}",
        Amount = -original.Amount,
        Currency = original.Currency,
        Period = FeeAccrual.PeriodOf(today),
        OccurredOn = today,
        ReversesEntryId = original.Id,
        Reason = reason,
    };
}
