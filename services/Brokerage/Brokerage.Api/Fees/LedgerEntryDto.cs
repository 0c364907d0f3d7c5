namespace Marketplace.Brokerage.Fees;

public sealed record LedgerEntryDto(
    Guid Id, string SourceKey, string Source, string FeeType, Guid PayerOrganisationId, Guid? ContractId, Guid? DeliveryId,
    Guid? FeePlanId, string Description, decimal Amount, string Currency, string Period, DateOnly OccurredOn,
    Guid? ReversesEntryId, string? Reason, DateTime CreatedAt, bool Billed, Guid? ProjectId);

/// <summary>A page of the ledger; <c>total</c> sums every entry the filters select, not only this page.</summary>
public sealed record LedgerListDto(IReadOnlyList<LedgerEntryDto> Items, string? NextCursor, decimal Total);

internal static class LedgerMapping
{
    public static LedgerEntryDto AsDto(this LedgerEntry e, bool billed) => new(
        e.Id, e.SourceKey, e.Source, e.FeeType, e.PayerOrganisationId, e.ContractId, e.DeliveryId, e.FeePlanId, e.Description,
        e.Amount, e.Currency, e.Period, e.OccurredOn, e.ReversesEntryId, e.Reason, e.CreatedAt, billed, e.ProjectId);
}
