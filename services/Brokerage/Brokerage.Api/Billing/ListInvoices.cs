using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Billing;

/// <summary>GET /api/v1/invoices: an organisation sees its own invoices once issued; the operator sees all, optionally of one organisation.</summary>
public static class ListInvoices
{
    public static async Task<Ok<InvoiceListDto>> Handle(
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

        var today = InvoiceAccess.Today(clock);
        if (overdue == true)
        {
            query = query.Where(i => i.Status == InvoiceStatuses.Issued && i.DueDate < today);
        }

        var invoices = await query.OrderBy(i => i.CreatedAt).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(new InvoiceListDto([.. invoices.Select(i => i.AsDto(today))]));
    }
}
