using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.Http;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Brokerage.Billing;

public sealed record BillingRunRequest(
    [property: Required, RegularExpression(@"^\d{4}-(0[1-9]|1[0-2])$", ErrorMessage = "period must be a month such as 2026-11.")] string Period,
    Guid? OrganisationId,
    bool? Issue);

public sealed record InvoiceSummaryDto(Guid Id, string? Number, string Series, Guid OrganisationId, string Status, decimal Net, decimal Vat, decimal Total, string Currency);

public sealed record BillingRunDto(Guid Id, string Period, Guid? OrganisationId, DateTime StartedAt, DateTime FinishedAt, int EntriesBilled, int InvoicesIssued, IReadOnlyList<InvoiceSummaryDto> Invoices);

public sealed record InvoiceLineDto(int LineNo, Guid? LedgerEntryId, string FeeType, string Description, decimal Amount);

public sealed record InvoiceDto(
    Guid Id, string Series, string? Number, Guid OrganisationId, string CustomerName, string? CustomerCountry, string Currency,
    string Period, string Status, bool Overdue, decimal Net, decimal VatRate, decimal Vat, decimal Total, bool ReverseCharge,
    string? VatNote, DateOnly? IssueDate, DateOnly? DueDate, DateTime? PaidAt, string? PaymentReference, DateTime? VoidedAt,
    string? VoidReason, Guid? RelatedInvoiceId, Guid? BillingRunId, IReadOnlyList<InvoiceLineDto> Lines);

public sealed record InvoiceListDto(IReadOnlyList<InvoiceDto> Items);

public sealed record PayRequest(DateOnly? PaidOn, [property: StringLength(200)] string? Reference);

public sealed record VoidRequest([property: Required, StringLength(1000, MinimumLength = 3)] string Reason);

public sealed record VoidResultDto(InvoiceDto Invoice, InvoiceDto? CreditNote);

public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/v1/billing-runs").WithTags("Billing").RequireScope(Scopes.Billing).RequireOperator();
        runs.MapPost("/", RunBilling).WithName(nameof(RunBilling));
        runs.MapGet("/", ListBillingRuns).WithName(nameof(ListBillingRuns));

        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListInvoices).WithName(nameof(ListInvoices)).RequireScope(Scopes.BrokerageRead);
        invoices.MapGet("/export", ExportInvoices).WithName(nameof(ExportInvoices)).RequireScope(Scopes.Billing).RequireOperator();
        invoices.MapGet("/{id:guid}", GetInvoice).WithName(nameof(GetInvoice)).RequireScope(Scopes.BrokerageRead);
        invoices.MapGet("/{id:guid}/html", GetInvoiceHtml).WithName(nameof(GetInvoiceHtml)).RequireScope(Scopes.BrokerageRead);
        invoices.MapPost("/{id:guid}/issue", IssueInvoice).WithName(nameof(IssueInvoice)).RequireScope(Scopes.Billing).RequireOperator();
        invoices.MapPost("/{id:guid}/pay", PayInvoice).WithName(nameof(PayInvoice)).RequireScope(Scopes.Billing).RequireOperator();
        invoices.MapPost("/{id:guid}/void", VoidInvoice).WithName(nameof(VoidInvoice)).RequireScope(Scopes.Billing).RequireOperator();
        return app;
    }

    /// <summary>Bills every unbilled ledger entry of the period (and earlier) into one invoice per paying organisation and currency.</summary>
    public static async Task<Created<BillingRunDto>> RunBilling(BillingRunRequest request, BillingService billing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await billing.RunAsync(request.Period, request.OrganisationId, request.Issue ?? true, cancellationToken);
        var r = result.Run;
        return TypedResults.Created($"/api/v1/billing-runs/{r.Id}", new BillingRunDto(r.Id, r.Period, r.OrganisationId, r.StartedAt, r.FinishedAt,
            r.EntriesBilled, r.InvoicesIssued, [.. result.Invoices.Select(i => new InvoiceSummaryDto(i.Id, i.Number, i.Series, i.OrganisationId, i.Status, i.Net, i.Vat, i.Total, i.Currency))]));
    }

    public static async Task<Ok<IReadOnlyList<BillingRun>>> ListBillingRuns(BrokerageDbContext db, string? period, CancellationToken cancellationToken)
    {
        var query = db.BillingRuns.AsNoTracking();
        if (!string.IsNullOrEmpty(period))
        {
            query = query.Where(r => r.Period == period);
        }

        var runs = await query.OrderByDescending(r => r.StartedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BillingRun>>(runs);
    }

    public static async Task<Ok<InvoiceListDto>> ListInvoices(
        ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, string? period, string? status, bool? overdue, Guid? organisationId, CancellationToken cancellationToken)
    {
        var query = db.Invoices.AsNoTracking().Include(i => i.Lines).AsQueryable();
        if (!user.IsOperator())
        {
            var org = user.OrganisationId() ?? Guid.Empty;
            query = query.Where(i => i.OrganisationId == org && i.Status != InvoiceStatuses.Draft);
        }
        else if (organisationId is { } o)
        {
            query = query.Where(i => i.OrganisationId == o);
        }

        if (!string.IsNullOrEmpty(period))
        {
            query = query.Where(i => i.Period == period);
        }

        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(i => i.Status == status);
        }

        var today = Today(clock);
        if (overdue == true)
        {
            query = query.Where(i => i.Status == InvoiceStatuses.Issued && i.DueDate < today);
        }

        var invoices = await query.OrderBy(i => i.CreatedAt).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(new InvoiceListDto([.. invoices.Select(i => i.AsDto(today))]));
    }

    public static async Task<Results<Ok<InvoiceDto>, NotFound>> GetInvoice(Guid id, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invoice = await VisibleAsync(db, id, user, cancellationToken);
        return invoice is null ? TypedResults.NotFound() : TypedResults.Ok(invoice.AsDto(Today(clock)));
    }

    public static async Task<Results<ContentHttpResult, NotFound>> GetInvoiceHtml(
        Guid id, ClaimsPrincipal user, BrokerageDbContext db, IOptions<BillingOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invoice = await VisibleAsync(db, id, user, cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }

        var related = invoice.RelatedInvoiceId is { } rid
            ? await db.Invoices.AsNoTracking().Where(i => i.Id == rid).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        return TypedResults.Content(InvoiceHtml.Render(invoice, options.Value, related, Today(clock)), "text/html; charset=utf-8");
    }

    public static async Task<Results<Ok<InvoiceDto>, NotFound, ProblemHttpResult>> IssueInvoice(Guid id, BillingService billing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (invoice, error) = await billing.IssueAsync(id, cancellationToken);
        return invoice is null ? TypedResults.NotFound()
            : error is not null ? Problems.Conflict("Invoice cannot be issued", error)
            : TypedResults.Ok(invoice.AsDto(Today(clock)));
    }

    public static async Task<Results<Ok<InvoiceDto>, NotFound, ProblemHttpResult>> PayInvoice(
        Guid id, PayRequest? request, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }

        if (invoice.Status != InvoiceStatuses.Issued)
        {
            return Problems.Conflict("Invoice cannot be paid", invoice.Status == InvoiceStatuses.Paid
                ? "The invoice is already paid."
                : $"The invoice is {invoice.Status}; only an issued invoice can be paid.");
        }

        invoice.Status = InvoiceStatuses.Paid;
        invoice.PaidAt = request?.PaidOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? clock.GetUtcNow().UtcDateTime;
        invoice.PaymentReference = request?.Reference;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(invoice.AsDto(Today(clock)));
    }

    public static async Task<Results<Ok<VoidResultDto>, NotFound, ProblemHttpResult>> VoidInvoice(
        Guid id, VoidRequest request, BillingService billing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (invoice, credit, error) = await billing.VoidAsync(id, request.Reason.Trim(), cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }

        return error is not null
            ? Problems.Conflict("Invoice cannot be voided", error)
            : TypedResults.Ok(new VoidResultDto(invoice.AsDto(Today(clock)), credit?.AsDto(Today(clock))));
    }

    /// <summary>One CSV row per invoice or credit note of the period, numbers in invariant culture.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportInvoices(string? period, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        if (period is null || !System.Text.RegularExpressions.Regex.IsMatch(period, @"^\d{4}-(0[1-9]|1[0-2])$"))
        {
            return Problems.Invalid("period", "period must be a month such as 2026-11.");
        }

        var invoices = await db.Invoices.AsNoTracking().Where(i => i.Period == period && i.Number != null).ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.Append("number,series,issue_date,due_date,status,organisation_id,customer,country,currency,net,vat_rate,vat,total,reverse_charge,related_invoice_id\r\n");
        foreach (var i in invoices.OrderBy(i => i.Series).ThenBy(i => i.Year).ThenBy(i => i.Sequence))
        {
            string[] cells =
            [
                i.Number!, i.Series, i.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", i.Status, i.OrganisationId.ToString(),
                i.CustomerName, i.CustomerCountry ?? "", i.Currency, Num(i.Net), Num(i.VatRate), Num(i.Vat), Num(i.Total),
                i.ReverseCharge ? "true" : "false", i.RelatedInvoiceId?.ToString() ?? "",
            ];
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"invoices-{period}.csv");
    }

    private static string Num(decimal d) => d.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not execute it.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Invoice?> VisibleAsync(BrokerageDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return invoice is not null && (user.IsOperator() || (invoice.OrganisationId == user.OrganisationId() && invoice.Status != InvoiceStatuses.Draft))
            ? invoice
            : null;
    }

    internal static InvoiceDto AsDto(this Invoice i, DateOnly today) => new(
        i.Id, i.Series, i.Number, i.OrganisationId, i.CustomerName, i.CustomerCountry, i.Currency, i.Period, i.Status,
        i.Status == InvoiceStatuses.Issued && i.DueDate < today, i.Net, i.VatRate, i.Vat, i.Total, i.ReverseCharge, i.VatNote,
        i.IssueDate, i.DueDate, i.PaidAt, i.PaymentReference, i.VoidedAt, i.VoidReason, i.RelatedInvoiceId, i.BillingRunId,
        [.. i.Lines.OrderBy(l => l.LineNo).Select(l => new InvoiceLineDto(l.LineNo, l.LedgerEntryId, l.FeeType, l.Description, l.Amount))]);
}
