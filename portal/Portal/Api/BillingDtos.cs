namespace Marketplace.Portal.Api;

public sealed record InvoiceLine(int LineNo, Guid? LedgerEntryId, string FeeType, string Description, decimal Amount);

/// <summary>An invoice or credit note as <c>GET /api/v1/invoices</c> gives it (what the console shows of it).</summary>
public sealed record Invoice(
    Guid Id, string Series, string? Number, Guid OrganisationId, string CustomerName, string? CustomerCountry, string Currency,
    string Period, string Status, bool Overdue, decimal Net, decimal VatRate, decimal Vat, decimal Total, bool ReverseCharge, string? VatNote,
    DateOnly? IssueDate, DateOnly? DueDate, DateTimeOffset? PaidAt, string? PaymentReference, DateTimeOffset? VoidedAt, string? VoidReason,
    Guid? RelatedInvoiceId, Guid? BillingRunId, IReadOnlyList<InvoiceLine> Lines)
{
    public bool IsCreditNote => Series == "CN";
}

public sealed record BillingRun(Guid Id, string Period, Guid? OrganisationId, string? OrganisationName, DateTimeOffset StartedAt, int EntriesBilled, int InvoicesIssued);

/// <summary>A fee ledger entry (<c>GET /api/v1/charges</c>); a page of them is a <see cref="LedgerPage"/>.</summary>
public sealed record LedgerEntry(
    Guid Id, string Source, string FeeType, Guid PayerOrganisationId, string Description, decimal Amount, string Currency, string Period,
    DateOnly OccurredOn, Guid? ReversesEntryId, string? Reason, DateTimeOffset CreatedAt, bool Billed);

public sealed record FeePlanVersion(
    Guid Id, string Code, int Version, string Name, string Currency, DateOnly EffectiveFrom, decimal? PercentOfValue, decimal? AmountPerUnit,
    string? PerUnit, decimal? SuccessFee, decimal? MonthlyMembership, decimal? MinimumPerInvoice, decimal? MaximumPerInvoice, string Payer,
    decimal SupplierShare, DateTimeOffset CreatedAt, decimal? ProjectFacilitationFee = null, decimal? ProjectStageFee = null,
    decimal? FundingApplicationFee = null, decimal? ProjectSavingsPercent = null);

/// <summary>An organisation as the operator's list names it.</summary>
public sealed record OrganisationName(Guid Id, string Name, string Country);

public sealed record ImpactTotals(
    int Deliveries, decimal TonnesDiverted, decimal Co2eSubstitutionKg, decimal Co2eTransportKg, decimal Co2eAvoidedKg, decimal WaterSavedM3,
    decimal EnergyRecoveredMWh, decimal MoneySavedEur);

public sealed record ImpactGroup(IReadOnlyDictionary<string, string?> Key, ImpactTotals Figures);

public sealed record ImpactFactor(string Id, string? Source);

/// <summary><c>GET /api/v1/impact</c>: the totals, the groups asked for, and the factors used with their sources.</summary>
public sealed record ImpactReport(IReadOnlyList<string> GroupBy, ImpactTotals Totals, IReadOnlyList<ImpactGroup> Groups, IReadOnlyList<ImpactFactor> Factors);
