using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Billing;

/// <summary>A billing run as the operator's list shows it: with the name of the organisation it was limited to.</summary>
public sealed record BillingRunListItemDto(Guid Id, string Period, Guid? OrganisationId, string? OrganisationName, DateTime StartedAt,
    DateTime FinishedAt, int EntriesBilled, int InvoicesIssued);

/// <summary>GET /api/v1/billing-runs: runs newest first, optionally of one period; <c>{ items, nextCursor }</c>.</summary>
public static class ListBillingRuns
{
    public static async Task<Results<Ok<Page<BillingRunListItemDto>>, ValidationProblem>> Handle(BrokerageDbContext db, string? period,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.BillingRuns.AsNoTracking();
        if (!string.IsNullOrEmpty(period))
        {
            query = query.Where(r => r.Period == period);
        }

        var page = await query.ToPageAsync(r => r.Id, request, runs => runs, cancellationToken);
        var orgIds = page.Items.Select(r => r.OrganisationId).OfType<Guid>().Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return TypedResults.Ok(new Page<BillingRunListItemDto>([.. page.Items.Select(r => new BillingRunListItemDto(r.Id, r.Period, r.OrganisationId,
            r.OrganisationId is { } o ? names.GetValueOrDefault(o) : null, r.StartedAt, r.FinishedAt, r.EntriesBilled, r.InvoicesIssued))], page.NextCursor));
    }
}
