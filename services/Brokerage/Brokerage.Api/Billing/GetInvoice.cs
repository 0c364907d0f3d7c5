using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Billing;

/// <summary>GET /api/v1/invoices/{id}: one invoice the caller may see, with its lines.</summary>
public static class GetInvoice
{
    public static async Task<Results<Ok<InvoiceDto>, NotFound>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FindVisibleAsync(id, user, cancellationToken);
        return invoice is null ? TypedResults.NotFound() : TypedResults.Ok(invoice.AsDto(InvoiceAccess.Today(clock)));
    }
}
