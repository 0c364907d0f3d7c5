using System.ComponentModel.DataAnnotations;
using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
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
    Guid? ContractId) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OrganisationId == Guid.Empty)
        {
            yield return new("organisationId is required.", ["organisationId"]);
        }
    }
}

/// <summary>POST /api/v1/charges (operator): a manual charge for a service; with an <c>Idempotency-Key</c> header it charges once however often it is retried.</summary>
public static class CreateCharge
{
    public static async Task<Results<Created<LedgerEntryDto>, Ok<LedgerEntryDto>, ValidationProblem>> Handle(
        CreateChargeRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        BrokerageDbContext db, FeeAccrual accrual, TimeProvider clock, CancellationToken cancellationToken)
    {
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
}
