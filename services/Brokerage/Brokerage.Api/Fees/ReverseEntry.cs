using System.ComponentModel.DataAnnotations;
using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Fees;

public sealed record ReverseRequest([property: Required, StringLength(1000, MinimumLength = 3)] string Reason);

/// <summary>POST /api/v1/charges/{id}/reverse (operator): a negative entry cancels a ledger entry (see <see cref="LedgerRules"/>).</summary>
public static class ReverseEntry
{
    /// <summary>A reversing entry of the opposite amount; each entry is reversed at most once and a reversal is never reversed.</summary>
    public static async Task<Results<Created<LedgerEntryDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, ReverseRequest request, BrokerageDbContext db, FeeAccrual accrual, TimeProvider clock, CancellationToken cancellationToken)
    {
        var original = await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (original is null)
        {
            return TypedResults.NotFound();
        }

        if (LedgerRules.CanReverse(original, await db.Ledger.AnyAsync(e => e.ReversesEntryId == id, cancellationToken)) is { } error)
        {
            return Problems.Conflict("Entry cannot be reversed", error);
        }

        var reversal = LedgerRules.Reverse(original, request.Reason.Trim(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await accrual.StageAsync(reversal, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Entry cannot be reversed", "This entry was reversed at the same moment by another request.");
        }

        return TypedResults.Created($"/api/v1/charges/{reversal.Id}", reversal.AsDto(false));
    }
}
