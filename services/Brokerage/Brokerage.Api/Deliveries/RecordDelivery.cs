using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.Listings.Contracts;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deliveries;

public sealed record RecordDeliveryRequest(
    DateOnly Date,
    [property: Range(typeof(decimal), "0.000001", "1000000000000")] decimal Quantity,
    [property: Required, StringLength(10)] string Unit,
    [property: StringLength(200)] string? DocumentRef);

/// <summary>
/// POST /api/v1/contracts/{id}/deliveries: either party, the operator or a partner app records a delivery against an
/// active contract, for the counterparty to confirm. An <c>Idempotency-Key</c> makes a retry return the first entry.
/// </summary>
public static class RecordDelivery
{
    public static async Task<Results<Created<DeliveryDto>, Ok<DeliveryDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RecordDeliveryRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FindVisibleAsync(id, user, cancellationToken);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        if (idempotencyKey is { Length: > 100 })
        {
            return Problems.Invalid("Idempotency-Key", "The Idempotency-Key header must be at most 100 characters.");
        }

        if (!string.IsNullOrEmpty(idempotencyKey)
            && await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.ContractId == id && d.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier)
        {
            return TypedResults.Ok(earlier.AsDto());
        }

        var unit = Units.Canonical(request.Unit);
        if (unit is null || !Units.TryConvert(1, unit, contract.QuantityUnit, out _))
        {
            return Problems.Invalid("unit", $"unit must be convertible to the contract's unit '{contract.QuantityUnit}'.");
        }

        if (request.Date == default || request.Date < contract.StartDate || request.Date > contract.EndDate)
        {
            return Problems.Invalid("date", $"date must lie within the contract's term {contract.StartDate:yyyy-MM-dd} to {contract.EndDate:yyyy-MM-dd}.");
        }

        if (DeliveryRules.FutureDateError(request.Date, clock.GetUtcNow()) is { } future)
        {
            return Problems.Invalid("date", future);
        }

        if (ContractStateMachine.CanRecordDelivery(contract.Status) is { } error)
        {
            return Problems.Conflict("Contract not active", error);
        }

        return await StoreAsync(db, contract, request, unit, idempotencyKey, user.OrganisationId() ?? Guid.Empty, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private static async Task<Results<Created<DeliveryDto>, Ok<DeliveryDto>, NotFound, ValidationProblem, ProblemHttpResult>> StoreAsync(
        BrokerageDbContext db, SupplyContract contract, RecordDeliveryRequest request, string unit, string? idempotencyKey, Guid org, DateTime now,
        CancellationToken cancellationToken)
    {
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(),
            ContractId = contract.Id,
            Date = request.Date,
            Quantity = request.Quantity,
            Unit = unit,
            DocumentRef = request.DocumentRef,
            RecordedByOrganisationId = org,
            RecordedBy = DeliveryRules.SideOf(contract, org),
            RecordedAt = now,
            IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
        };
        db.Deliveries.Add(delivery);
        db.AddEvent(delivery.Event(contract, now), contract.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (delivery.IdempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            var first = await db.Deliveries.AsNoTracking().FirstAsync(d => d.ContractId == contract.Id && d.IdempotencyKey == idempotencyKey, cancellationToken);
            return TypedResults.Ok(first.AsDto());
        }

        return TypedResults.Created($"/api/v1/contracts/{contract.Id}/deliveries/{delivery.Id}", delivery.AsDto());
    }
}
