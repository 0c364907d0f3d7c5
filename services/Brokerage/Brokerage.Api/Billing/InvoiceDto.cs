namespace Marketplace.Brokerage.Billing;

public sealed record InvoiceSummaryDto(Guid Id, string? Number, string Series, Guid OrganisationId, string Status, decimal Net, decimal Vat, decimal Total, string Currency);

public sealed record BillingRunDto(Guid Id, string Period, Guid? OrganisationId, DateTime StartedAt, DateTime FinishedAt, int EntriesBilled, int InvoicesIssued, IReadOnlyList<InvoiceSummaryDto> Invoices);

public sealed record InvoiceLineDto(int LineNo, Guid? LedgerEntryId, string FeeType, string Description, decimal Amount);

/// <summary>The operator as the invoice names it.</summary>
public sealed record InvoiceSellerDto(string? Name, string? Address, string? Country, string? VatId, string? Iban, string? Bic);

public sealed record InvoiceDto(
    Guid Id, string Series, string? Number, Guid OrganisationId, string CustomerName, string? CustomerCountry, string? CustomerAddress,
    string? CustomerVatId, InvoiceSellerDto Seller, string Currency,
    string Period, string Status, bool Overdue, decimal Net, decimal VatRate, decimal Vat, decimal Total, bool ReverseCharge,
    string? VatNote, DateOnly? IssueDate, DateOnly? DueDate, DateTime? PaidAt, string? PaymentReference, DateTime? VoidedAt,
    string? VoidReason, Guid? RelatedInvoiceId, Guid? BillingRunId, IReadOnlyList<InvoiceLineDto> Lines);

public sealed record VoidResultDto(InvoiceDto Invoice, InvoiceDto? CreditNote);

internal static class InvoiceMapping
{
    public static InvoiceDto AsDto(this Invoice i, DateOnly today) => new(
        i.Id, i.Series, i.Number, i.OrganisationId, i.CustomerName, i.CustomerCountry, i.CustomerAddress, i.CustomerVatId,
        new InvoiceSellerDto(i.SellerName, i.SellerAddress, i.SellerCountry, i.SellerVatId, i.SellerIban, i.SellerBic), i.Currency, i.Period, i.Status,
        i.Status == InvoiceStatuses.Issued && i.DueDate < today, i.Net, i.VatRate, i.Vat, i.Total, i.ReverseCharge, i.VatNote,
        i.IssueDate, i.DueDate, i.PaidAt, i.PaymentReference, i.VoidedAt, i.VoidReason, i.RelatedInvoiceId, i.BillingRunId,
        [.. i.Lines.OrderBy(l => l.LineNo).Select(l => new InvoiceLineDto(l.LineNo, l.LedgerEntryId, l.FeeType, l.Description, l.Amount))]);
}
