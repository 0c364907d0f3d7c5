using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Billing;

internal static class InvoiceAccess
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>An invoice with its lines for the operator, or for its organisation once it is no longer a draft; otherwise null (a 404).</summary>
    public static async Task<Invoice?> VisibleAsync(BrokerageDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return invoice is not null && (user.IsOperator() || (invoice.OrganisationId == user.OrganisationId() && invoice.Status != InvoiceStatuses.Draft))
            ? invoice
            : null;
    }
}
