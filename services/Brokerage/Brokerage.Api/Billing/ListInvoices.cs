using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Billing;

/// <summary>GET /api/v1/invoices: an organisation sees its own invoices once issued; the operator sees all, optionally of one organisation. Newest first, <c>{ items, nextCursor }</c>.</summary>
public static class ListInvoices
{
    public static async Task<Results<Ok<Page<InvoiceDto>>, ValidationProblem>> Handle(ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock,
        string? period, string? status, bool? overdue, Guid? organisationId, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

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

        return TypedResults.Ok(await query.ToPageAsync(i => i.Id, request, invoices => invoices.Select(i => i.AsDto(today)).ToList(), cancellationToken));
    }
}
