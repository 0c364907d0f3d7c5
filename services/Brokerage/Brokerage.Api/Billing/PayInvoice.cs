using System.ComponentModel.DataAnnotations;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Billing;

public sealed record PayRequest(DateOnly? PaidOn, [property: StringLength(200)] string? Reference);

/// <summary>POST /api/v1/invoices/{id}/pay: the operator records the payment of an issued invoice.</summary>
public static class PayInvoice
{
    public static async Task<Results<Ok<InvoiceDto>, NotFound, ProblemHttpResult>> Handle(
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
        return TypedResults.Ok(invoice.AsDto(InvoiceAccess.Today(clock)));
    }
}
