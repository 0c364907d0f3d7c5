using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Billing;

/// <summary>POST /api/v1/invoices/{id}/issue: a draft invoice gets its number and dates (see <see cref="BillingService"/>).</summary>
public static class IssueInvoice
{
    public static async Task<Results<Ok<InvoiceDto>, NotFound, ProblemHttpResult>> Handle(Guid id, BillingService billing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (invoice, error) = await billing.IssueAsync(id, cancellationToken);
        return invoice is null ? TypedResults.NotFound()
            : error is not null ? Problems.Conflict("Invoice cannot be issued", error)
            : TypedResults.Ok(invoice.AsDto(InvoiceAccess.Today(clock)));
    }
}
