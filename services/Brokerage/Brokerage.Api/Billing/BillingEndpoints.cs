using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Billing;

/// <summary>The route table of billing runs and invoices; each use case has its own file.</summary>
public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/v1/billing-runs").WithTags("Billing").RequireScope(Scopes.Billing).RequireOperatorRole();
        runs.MapPost("/", RunBilling.Handle).WithName(nameof(RunBilling))
            .WithSummary("Run billing for a month")
            .WithDescription("The operator closes an ended month: membership of that month and of any earlier month no run closed is accrued, then every unbilled ledger entry of the period and earlier is billed into one invoice per paying organisation and currency. A month that has not ended is refused.");
        runs.MapGet("/", ListBillingRuns.Handle).WithName(nameof(ListBillingRuns))
            .WithSummary("List billing runs")
            .WithDescription("Billing runs newest first, optionally of one period. `{ items, nextCursor }`.");

        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListInvoices.Handle).WithName(nameof(ListInvoices))
            .WithSummary("List invoices")
            .WithDescription("An organisation sees its own invoices once issued; the operator sees all, optionally of one organisation. Newest first, `{ items, nextCursor }`.")
            .RequireScope(Scopes.BrokerageRead);
        invoices.MapGet("/export", ExportInvoices.Handle).WithName(nameof(ExportInvoices))
            .WithSummary("Export invoices as CSV")
            .WithDescription("The operator's export of a period (`?period=yyyy-MM`): one CSV row per invoice or credit note, numbers in invariant culture.")
            .RequireScope(Scopes.Billing).RequireOperatorRole();
        invoices.MapGet("/{id:guid}", GetInvoice.Handle).WithName(nameof(GetInvoice))
            .WithSummary("Get an invoice")
            .WithDescription("One invoice the caller may see, with the seller's and buyer's details and its lines.")
            .RequireScope(Scopes.BrokerageRead);
        invoices.MapGet("/{id:guid}/html", GetInvoiceHtml.Handle).WithName(nameof(GetInvoiceHtml))
            .WithSummary("Get a printable invoice")
            .WithDescription("The invoice (or credit note) as a self-contained HTML page for printing.")
            .RequireScope(Scopes.BrokerageRead);
        invoices.MapPost("/{id:guid}/issue", IssueInvoice.Handle).WithName(nameof(IssueInvoice))
            .WithSummary("Issue an invoice")
            .WithDescription("The operator issues a draft invoice: it gets its number, issue date and due date.")
            .RequireScope(Scopes.Billing).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapPost("/{id:guid}/pay", PayInvoice.Handle).WithName(nameof(PayInvoice))
            .WithSummary("Record a payment")
            .WithDescription("The operator records the payment of an issued invoice.")
            .RequireScope(Scopes.Billing).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapPost("/{id:guid}/void", VoidInvoice.Handle).WithName(nameof(VoidInvoice))
            .WithSummary("Void an invoice")
            .WithDescription("The operator voids an invoice with a reason; an issued one is cancelled by a credit note.")
            .RequireScope(Scopes.Billing).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
