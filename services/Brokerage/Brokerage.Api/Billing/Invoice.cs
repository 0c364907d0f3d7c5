using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Billing;

/// <summary>An invoice or a credit note to one paying organisation. Nothing is deleted; voiding issues a credit note.</summary>
public sealed class Invoice : IPartyRecord
{
    public Guid Id { get; set; }
    /// <summary><c>INV</c> (invoice) or <c>CN</c> (credit note).</summary>
    public required string Series { get; set; }
    /// <summary>Assigned at issue, gapless per series and year: <c>2026-000001</c>, <c>CN-2026-000001</c>.</summary>
    public string? Number { get; set; }
    public int? Year { get; set; }
    public int? Sequence { get; set; }
    public Guid OrganisationId { get; set; }
    public required string CustomerName { get; set; }
    public string? CustomerCountry { get; set; }
    public string? CustomerAddress { get; set; }
    public string? CustomerVatId { get; set; }
    /// <summary>The operator as <c>Brokerage:Billing</c> named it when the invoice was made (null on invoices made before these fields).</summary>
    public string? SellerName { get; set; }
    public string? SellerAddress { get; set; }
    public string? SellerCountry { get; set; }
    public string? SellerVatId { get; set; }
    public string? SellerIban { get; set; }
    public string? SellerBic { get; set; }
    public required string Currency { get; set; }
    public required string Period { get; set; }
    public string Status { get; set; } = InvoiceStatuses.Draft;
    public decimal Net { get; set; }
    public decimal VatRate { get; set; }
    public decimal Vat { get; set; }
    public decimal Total { get; set; }
    public bool ReverseCharge { get; set; }
    public string? VatNote { get; set; }
    public DateOnly? IssueDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateTime? PaidAt { get; set; }
    public string? PaymentReference { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidReason { get; set; }
    /// <summary>On a credit note: the invoice it cancels. On a voided invoice: its credit note.</summary>
    public Guid? RelatedInvoiceId { get; set; }
    public Guid? BillingRunId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];

    /// <summary>The paying organisation sees its invoice once it is issued; a draft is the operator's alone.</summary>
    bool IPartyRecord.IsParty(Guid organisationId) => OrganisationId == organisationId && Status != InvoiceStatuses.Draft;
}

public sealed class InvoiceLine
{
    public Guid Id { get; set; }
    public Guid InvoiceId { get; set; }
    public int LineNo { get; set; }
    /// <summary>The ledger entry billed; null on credit-note lines (they mirror the cancelled invoice's lines).</summary>
    public Guid? LedgerEntryId { get; set; }
    public required string FeeType { get; set; }
    public required string Description { get; set; }
    public decimal Amount { get; set; }
}

public static class InvoiceStatuses
{
    public const string Draft = "draft";
    public const string Issued = "issued";
    public const string Paid = "paid";
    public const string Void = "void";
}

public static class InvoiceSeries
{
    public const string Invoice = "INV";
    public const string CreditNote = "CN";

    public static string Format(string series, int year, int sequence) => series == Invoice
        ? $"{year:D4}-{sequence:D6}"
        : $"{series}-{year:D4}-{sequence:D6}";
}

/// <summary>The last number used per series and year, updated inside the issuing transaction.</summary>
public sealed class InvoiceCounter
{
    public required string Series { get; set; }
    public int Year { get; set; }
    public int LastNumber { get; set; }
}

/// <summary>One row every billing transaction updates first: it serialises billing writers on SQLite and SQL Server alike.</summary>
public sealed class BillingLock
{
    public required string Name { get; set; }
    public long Version { get; set; }
}

public sealed class BillingRun
{
    public Guid Id { get; set; }
    public required string Period { get; set; }
    public Guid? OrganisationId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public int EntriesBilled { get; set; }
    public int InvoicesIssued { get; set; }
}
