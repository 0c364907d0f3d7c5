using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Fees;

/// <summary>GET /api/v1/charges (operator): the fee ledger, filtered, with its total.</summary>
public static class ListLedger
{
    public static async Task<Ok<LedgerListDto>> Handle(
        BrokerageDbContext db, string? period, Guid? organisationId, Guid? contractId, Guid? deliveryId, string? source, bool? billed, CancellationToken cancellationToken)
    {
        var query = db.Ledger.AsNoTracking();
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

        if (deliveryId is { } d)
        {
            query = query.Where(e => e.DeliveryId == d);
        }

        if (!string.IsNullOrEmpty(source))
        {
            query = query.Where(e => e.Source == source);
        }

        var rows = await query
            .Select(e => new { Entry = e, Billed = db.InvoiceLines.Any(l => l.LedgerEntryId == e.Id
                && db.Invoices.Any(i => i.Id == l.InvoiceId && (i.Status != InvoiceStatuses.Void || i.Number != null))) })
            .Take(5000)
            .ToListAsync(cancellationToken);
        var items = rows.Where(r => billed is null || r.Billed == billed)
            .OrderBy(r => r.Entry.OccurredOn).ThenBy(r => r.Entry.CreatedAt)
            .Select(r => r.Entry.AsDto(r.Billed)).ToList();
        return TypedResults.Ok(new LedgerListDto(items, items.Sum(i => i.Amount)));
    }
}
