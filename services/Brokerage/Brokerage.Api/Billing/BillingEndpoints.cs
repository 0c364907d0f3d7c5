using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Billing;

/// <summary>The route table of billing runs and invoices; each use case has its own file.</summary>
public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/v1/billing-runs").WithTags("Billing").RequireScope(Scopes.Billing).RequireOperatorRole();
        runs.MapPost("/", RunBilling.Handle).WithName(nameof(RunBilling));
        runs.MapGet("/", ListBillingRuns.Handle).WithName(nameof(ListBillingRuns));

        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListInvoices.Handle).WithName(nameof(ListInvoices)).RequireScope(Scopes.BrokerageRead);
        invoices.MapGet("/export", ExportInvoices.Handle).WithName(nameof(ExportInvoices)).RequireScope(Scopes.Billing).RequireOperatorRole();
        invoices.MapGet("/{id:guid}", GetInvoice.Handle).WithName(nameof(GetInvoice)).RequireScope(Scopes.BrokerageRead);
        invoices.MapGet("/{id:guid}/html", GetInvoiceHtml.Handle).WithName(nameof(GetInvoiceHtml)).RequireScope(Scopes.BrokerageRead);
        invoices.MapPost("/{id:guid}/issue", IssueInvoice.Handle).WithName(nameof(IssueInvoice)).RequireScope(Scopes.Billing).RequireOperatorRole();
        invoices.MapPost("/{id:guid}/pay", PayInvoice.Handle).WithName(nameof(PayInvoice)).RequireScope(Scopes.Billing).RequireOperatorRole();
        invoices.MapPost("/{id:guid}/void", VoidInvoice.Handle).WithName(nameof(VoidInvoice)).RequireScope(Scopes.Billing).RequireOperatorRole();
        return app;
    }
}
