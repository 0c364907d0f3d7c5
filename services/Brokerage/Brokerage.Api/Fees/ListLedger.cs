using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Fees;

/// <summary>GET /api/v1/charges (operator): the fee ledger, filtered, oldest first, a page at a time; the total is of every filtered entry.</summary>
public static class ListLedger
{
    public static async Task<Results<Ok<LedgerListDto>, ValidationProblem>> Handle(BrokerageDbContext db, string? period, Guid? organisationId,
        Guid? contractId, Guid? deliveryId, Guid? projectId, string? source, bool? billed, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = Filtered(db.Ledger.AsNoTracking(), period, organisationId, contractId, projectId, deliveryId, source);
        var rows = await query
            .Select(e => new { Entry = e, Billed = db.InvoiceLines.Any(l => l.LedgerEntryId == e.Id
                && db.Invoices.Any(i => i.Id == l.InvoiceId && (i.Status != InvoiceStatuses.Void || i.Number != null))) })
            .Take(5000)
            .ToListAsync(cancellationToken);
        var items = rows.Where(r => billed is null || r.Billed == billed)
            .OrderBy(r => r.Entry.OccurredOn).ThenBy(r => r.Entry.CreatedAt)
            .Select(r => r.Entry.AsDto(r.Billed)).ToList();
        var page = Paging.Slice(items, i => i.Id, request);
        return TypedResults.Ok(new LedgerListDto(page.Items, page.NextCursor, items.Sum(i => i.Amount)));
    }

    /// <summary>The entries that match every filter given; a filter left out matches all.</summary>
    private static IQueryable<LedgerEntry> Filtered(IQueryable<LedgerEntry> query, string? period, Guid? organisationId, Guid? contractId,
        Guid? projectId, Guid? deliveryId, string? source)
    {
        if (!string.IsNullOrEmpty(period))
        {
            query = query.Where(e => e.Period == period);
        }

        if (organisationId is { } org)
        {
            query = query.Where(e => e.PayerOrganisationId == org);
        }

        if (contractId is { } c)
        {
            query = query.Where(e => e.ContractId == c);
        }

        if (projectId is { } p)
        {
            query = query.Where(e => e.ProjectId == p);
        }

        if (deliveryId is { } d)
        {
            query = query.Where(e => e.DeliveryId == d);
        }

        if (!string.IsNullOrEmpty(source))
        {
            query = query.Where(e => e.Source == source);
        }

        return query;
    }
}
