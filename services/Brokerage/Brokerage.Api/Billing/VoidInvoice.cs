using System.ComponentModel.DataAnnotations;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Billing;

public sealed record VoidRequest([property: Required, StringLength(1000, MinimumLength = 3)] string Reason);

/// <summary>POST /api/v1/invoices/{id}/void: voids an invoice; an issued one is cancelled by a credit note (see <see cref="BillingService"/>).</summary>
public static class VoidInvoice
{
    public static async Task<Results<Ok<VoidResultDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, VoidRequest request, BillingService billing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (invoice, credit, error) = await billing.VoidAsync(id, request.Reason.Trim(), cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }

        var today = InvoiceAccess.Today(clock);
        return error is not null
            ? Problems.Conflict("Invoice cannot be voided", error)
            : TypedResults.Ok(new VoidResultDto(invoice.AsDto(today), credit?.AsDto(today)));
    }
}
