using System.ComponentModel.DataAnnotations;
using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Http;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Fees;

public sealed record CreateChargeRequest(
    Guid OrganisationId,
    [property: Required, StringLength(300, MinimumLength = 3)] string Description,
    [property: Range(typeof(decimal), "0.01", "100000000")] decimal Amount,
    [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as EUR.")] string Currency,
    DateOnly? Date,
    Guid? ContractId);

public sealed record ReverseRequest([property: Required, StringLength(1000, MinimumLength = 3)] string Reason);

public sealed record LedgerEntryDto(
    Guid Id, string SourceKey, string Source, string FeeType, Guid PayerOrganisationId, Guid? ContractId, Guid? DeliveryId,
    Guid? FeePlanId, string Description, decimal Amount, string Currency, string Period, DateOnly OccurredOn,
    Guid? ReversesEntryId, string? Reason, DateTime CreatedAt, bool Billed);

public sealed record LedgerListDto(IReadOnlyList<LedgerEntryDto> Items, decimal Total);

/// <summary>
/// Manual charges for services (a subsidy application, a feasibility study) and the fee ledger they join.
/// A POST with an <c>Idempotency-Key</c> header charges once however often it is retried.
/// </summary>
public static class ChargeEndpoints
{
    public static IEndpointRouteBuilder MapChargeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/charges").WithTags("Fee ledger").RequireScope(Scopes.Billing).RequireOperator();
        group.MapGet("/", ListLedger).WithName(nameof(ListLedger));
        group.MapPost("/", CreateCharge).WithName(nameof(CreateCharge));
        group.MapPost("/{id:guid}/reverse", ReverseEntry).WithName(nameof(ReverseEntry));
        return app;
    }

    public static async Task<Ok<LedgerListDto>> ListLedger(
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

    public static async Task<Results<Created<LedgerEntryDto>, Ok<LedgerEntryDto>, ValidationProblem>> CreateCharge(
        CreateChargeRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        BrokerageDbContext db, FeeAccrual accrual, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.OrganisationId == Guid.Empty)
        {
            return Problems.Invalid("organisationId", "organisationId is required.");
        }

        if (idempotencyKey is { Length: > 100 })
        {
            return Problems.Invalid("Idempotency-Key", "The Idempotency-Key header must be at most 100 characters.");
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == request.OrganisationId, cancellationToken))
        {
            return Problems.Invalid("organisationId", $"No organisation {request.OrganisationId} is registered: a charge needs a customer to invoice.");
        }

        if (request.ContractId is { } cid && !await db.Contracts.AnyAsync(c => c.Id == cid && (c.SupplierOrganisationId == request.OrganisationId || c.ReceiverOrganisationId == request.OrganisationId), cancellationToken))
        {
            return Problems.Invalid("contractId", "The organisation is not a party to that contract.");
        }

        var key = string.IsNullOrEmpty(idempotencyKey) ? $"manual:{Guid.CreateVersion7()}" : $"manual:{idempotencyKey}";
        if (await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.SourceKey == key, cancellationToken) is { } earlier)
        {
            return TypedResults.Ok(earlier.AsDto(false));
        }

        var day = request.Date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var entry = new LedgerEntry
        {
            SourceKey = key,
            Source = LedgerSources.ManualCharge,
            FeeType = FeeTypes.Manual,
            PayerOrganisationId = request.OrganisationId,
            ContractId = request.ContractId,
            Description = request.Description.Trim(),
            Amount = Money.Round(request.Amount),
            Currency = request.Currency,
            Period = FeeAccrual.PeriodOf(day),
            OccurredOn = day,
        };
        await accrual.StageAsync(entry, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return TypedResults.Ok((await db.Ledger.AsNoTracking().FirstAsync(e => e.SourceKey == key, cancellationToken)).AsDto(false));
        }

        return TypedResults.Created($"/api/v1/charges/{entry.Id}", entry.AsDto(false));
    }

    /// <summary>A reversing entry of the opposite amount; each entry is reversed at most once and a reversal is never reversed.</summary>
    public static async Task<Results<Created<LedgerEntryDto>, NotFound, ProblemHttpResult>> ReverseEntry(
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

    internal static LedgerEntryDto AsDto(this LedgerEntry e, bool billed) => new(
        e.Id, e.SourceKey, e.Source, e.FeeType, e.PayerOrganisationId, e.ContractId, e.DeliveryId, e.FeePlanId, e.Description,
        e.Amount, e.Currency, e.Period, e.OccurredOn, e.ReversesEntryId, e.Reason, e.CreatedAt, billed);
}

/// <summary>The ledger's reversal rules as pure functions.</summary>
public static class LedgerRules
{
    public static string? CanReverse(LedgerEntry entry, bool alreadyReversed) => entry switch
    {
        { ReversesEntryId: not null } => "A reversing entry cannot itself be reversed; record a new charge instead.",
        { Source: LedgerSources.InvoiceCap } => "A minimum or maximum adjustment belongs to its invoice; void the invoice instead.",
        _ when alreadyReversed => "This entry has already been reversed.",
        _ => null,
    };

    /// <summary>The reversing entry: the same payer, plan and currency, the opposite amount, in the month it is made.</summary>
    public static LedgerEntry Reverse(LedgerEntry original, string reason, DateOnly today) => new()
    {
        SourceKey = $"reversal:{original.Id}",
        Source = LedgerSources.Reversal,
        FeeType = original.FeeType,
        PayerOrganisationId = original.PayerOrganisationId,
        ContractId = original.ContractId,
        DeliveryId = original.DeliveryId,
        FeePlanId = original.FeePlanId,
        Description = $"Reversal: {original.Description}",
        Amount = -original.Amount,
        Currency = original.Currency,
        Period = FeeAccrual.PeriodOf(today),
        OccurredOn = today,
        ReversesEntryId = original.Id,
        Reason = reason,
    };
}
