using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Billing;

/// <summary>GET /api/v1/invoices/{id}/html: the printable invoice (or credit note, naming the invoice it credits).</summary>
public static class GetInvoiceHtml
{
    public static async Task<Results<ContentHttpResult, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, BrokerageDbContext db, IOptions<BillingOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FindVisibleAsync(id, user, cancellationToken);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }

        var related = invoice.RelatedInvoiceId is { } rid
            ? await db.Invoices.AsNoTracking().Where(i => i.Id == rid).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        return TypedResults.Content(InvoiceHtml.Render(invoice, options.Value, related, InvoiceAccess.Today(clock)), "text/html; charset=utf-8");
    }
}
