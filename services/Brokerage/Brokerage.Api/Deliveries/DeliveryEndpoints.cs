using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.Brokerage.Http;
using Marketplace.Brokerage.Impact;
using Marketplace.Brokerage.SupplyContracts;
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

public sealed record DisputeRequest([property: Required, StringLength(1000, MinimumLength = 3)] string Reason);

public sealed record CorrectionRequest(
    [property: Required, StringLength(1000, MinimumLength = 3)] string Reason,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? Quantity);

public sealed record DeliveryDto(
    Guid Id, Guid ContractId, DateOnly Date, decimal Quantity, string Unit, string? DocumentRef, string Status,
    Guid RecordedByOrganisationId, string RecordedBy, DateTime RecordedAt, Guid? ReviewedByOrganisationId, DateTime? ReviewedAt,
    string? DisputeReason, Guid? ReversesDeliveryId, string? CorrectionReason);

public sealed record DeliveryListDto(IReadOnlyList<DeliveryDto> Items);

public sealed record CorrectionDto(DeliveryDto Reversal, DeliveryDto? Replacement);

/// <summary>
/// Deliveries against an active contract: recorded by either party, the operator or a partner app, confirmed or
/// disputed by the counterparty. Confirmation makes the entry count for fees and impact; a correction reverses a
/// confirmed entry with a negative one (and may record the right quantity anew), never an edit.
/// </summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts/{id:guid}/deliveries").WithTags("Deliveries");
        group.MapGet("/", ListDeliveries).WithName(nameof(ListDeliveries)).RequireScope(Scopes.BrokerageRead);
        group.MapPost("/", RecordDelivery).WithName(nameof(RecordDelivery)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{deliveryId:guid}/confirm", ConfirmDelivery).WithName(nameof(ConfirmDelivery)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{deliveryId:guid}/dispute", DisputeDelivery).WithName(nameof(DisputeDelivery)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{deliveryId:guid}/corrections", CorrectDelivery).WithName(nameof(CorrectDelivery)).RequireScope(Scopes.BrokerageWrite);
        return app;
    }

    public static async Task<Results<Ok<DeliveryListDto>, NotFound>> ListDeliveries(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        if (await ContractEndpoints.VisibleAsync(db, id, user, cancellationToken, track: false) is null)
        {
            return TypedResults.NotFound();
        }

        var items = await db.Deliveries.AsNoTracking().Where(d => d.ContractId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DeliveryListDto([.. items.OrderBy(d => d.Date).ThenBy(d => d.RecordedAt).Select(d => d.AsDto())]));
    }

    public static async Task<Results<Created<DeliveryDto>, Ok<DeliveryDto>, NotFound, ValidationProblem, ProblemHttpResult>> RecordDelivery(
        Guid id, RecordDeliveryRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var contract = await ContractEndpoints.VisibleAsync(db, id, user, cancellationToken, track: false);
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

        if (ContractStateMachine.CanRecordDelivery(contract.Status) is { } error)
        {
            return Problems.Conflict("Contract not active", error);
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(),
            ContractId = id,
            Date = request.Date,
            Quantity = request.Quantity,
            Unit = unit,
            DocumentRef = request.DocumentRef,
            RecordedByOrganisationId = org,
            RecordedBy = SideOf(contract, org),
            RecordedAt = now,
            IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
        };
        db.Deliveries.Add(delivery);
        db.AddEvent(delivery.Event(contract, now), id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (delivery.IdempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            var first = await db.Deliveries.AsNoTracking().FirstAsync(d => d.ContractId == id && d.IdempotencyKey == idempotencyKey, cancellationToken);
            return TypedResults.Ok(first.AsDto());
        }

        return TypedResults.Created($"/api/v1/contracts/{id}/deliveries/{delivery.Id}", delivery.AsDto());
    }

    public static async Task<Results<Ok<DeliveryDto>, NotFound, ProblemHttpResult>> ConfirmDelivery(
        Guid id, Guid deliveryId, ClaimsPrincipal user, BrokerageDbContext db, ImpactFactors factors, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contract, delivery) = await FindAsync(db, id, deliveryId, user, cancellationToken);
        if (contract is null || delivery is null)
        {
            return TypedResults.NotFound();
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        if (delivery.Status == DeliveryStatuses.Confirmed && delivery.ReviewedByOrganisationId == org)
        {
            return TypedResults.Ok(delivery.AsDto()); // a retried confirmation
        }

        if (ReviewError(contract, delivery, org, user.IsOperator()) is { } error)
        {
            return Problems.Conflict("Delivery cannot be confirmed", error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Status = DeliveryStatuses.Confirmed;
        delivery.ReviewedAt = now;
        delivery.ReviewedByOrganisationId = org;
        db.AddEvent(delivery.Event(contract, now), id.ToString());
        await AddImpactAsync(db, factors, contract, delivery, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(delivery.AsDto());
    }

    public static async Task<Results<Ok<DeliveryDto>, NotFound, ProblemHttpResult>> DisputeDelivery(
        Guid id, Guid deliveryId, DisputeRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contract, delivery) = await FindAsync(db, id, deliveryId, user, cancellationToken);
        if (contract is null || delivery is null)
        {
            return TypedResults.NotFound();
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        if (ReviewError(contract, delivery, org, user.IsOperator()) is { } error)
        {
            return Problems.Conflict("Delivery cannot be disputed", error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Status = DeliveryStatuses.Disputed;
        delivery.ReviewedAt = now;
        delivery.ReviewedByOrganisationId = org;
        delivery.DisputeReason = request.Reason.Trim();
        db.AddEvent(delivery.Event(contract, now), id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(delivery.AsDto());
    }

    /// <summary>Reverses a confirmed entry (a negative entry, confirmed at once) and, with a quantity, records the right one for confirmation.</summary>
    public static async Task<Results<Created<CorrectionDto>, NotFound, ProblemHttpResult>> CorrectDelivery(
        Guid id, Guid deliveryId, CorrectionRequest request, ClaimsPrincipal user, BrokerageDbContext db, ImpactFactors factors,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contract, original) = await FindAsync(db, id, deliveryId, user, cancellationToken);
        if (contract is null || original is null)
        {
            return TypedResults.NotFound();
        }

        var error = original switch
        {
            { ReversesDeliveryId: not null } => "A reversing entry cannot itself be corrected; correct the original delivery.",
            { Status: not DeliveryStatuses.Confirmed } => $"Only a confirmed delivery is corrected; this one is {original.Status} (a recorded delivery is disputed instead).",
            _ => null,
        };
        if (error is null && await db.Deliveries.AnyAsync(d => d.ReversesDeliveryId == original.Id, cancellationToken))
        {
            error = "This delivery has already been corrected.";
        }

        if (error is not null)
        {
            return Problems.Conflict("Delivery cannot be corrected", error);
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var side = SideOf(contract, org);
        var reversal = new Delivery
        {
            Id = Guid.CreateVersion7(),
            ContractId = id,
            Date = original.Date,
            Quantity = -original.Quantity,
            Unit = original.Unit,
            DocumentRef = original.DocumentRef,
            Status = DeliveryStatuses.Confirmed,
            RecordedByOrganisationId = org,
            RecordedBy = side,
            RecordedAt = now,
            ReviewedAt = now,
            ReviewedByOrganisationId = org,
            ReversesDeliveryId = original.Id,
            CorrectionReason = request.Reason.Trim(),
        };
        db.Deliveries.Add(reversal);
        db.AddEvent(reversal.Event(contract, now), id.ToString());
        await AddImpactAsync(db, factors, contract, reversal, cancellationToken);
        Delivery? replacement = null;
        if (request.Quantity is > 0 and var quantity)
        {
            replacement = new Delivery
            {
                Id = Guid.CreateVersion7(),
                ContractId = id,
                Date = original.Date,
                Quantity = quantity,
                Unit = original.Unit,
                DocumentRef = original.DocumentRef,
                RecordedByOrganisationId = org,
                RecordedBy = side,
                RecordedAt = now,
                CorrectionReason = request.Reason.Trim(),
            };
            db.Deliveries.Add(replacement);
            db.AddEvent(replacement.Event(contract, now), id.ToString());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Delivery cannot be corrected", "This delivery was corrected at the same moment by another request.");
        }

        return TypedResults.Created($"/api/v1/contracts/{id}/deliveries/{reversal.Id}", new CorrectionDto(reversal.AsDto(), replacement?.AsDto()));
    }

    /// <summary>The counterparty of the recorder reviews; for an entry the operator or a third party recorded, either party does.</summary>
    public static string? ReviewError(SupplyContract contract, Delivery delivery, Guid organisation, bool isOperator)
    {
        if (delivery.Status != DeliveryStatuses.Recorded)
        {
            return $"The delivery is already {delivery.Status}.";
        }

        if (delivery.RecordedByOrganisationId == organisation)
        {
            return "The party that recorded a delivery cannot confirm or dispute it; the counterparty does.";
        }

        return contract.IsParty(organisation) || isOperator ? null : "Only a party to the contract or the operator reviews deliveries.";
    }

    private static async Task AddImpactAsync(BrokerageDbContext db, ImpactFactors factors, SupplyContract contract, Delivery delivery, CancellationToken cancellationToken)
    {
        var country = await db.Organisations.Where(o => o.Id == contract.SupplierOrganisationId).Select(o => o.Country).FirstOrDefaultAsync(cancellationToken);
        db.Impact.Add(ImpactCalculator.Calculate(contract, delivery, factors, country));
    }

    private static async Task<(SupplyContract? Contract, Delivery? Delivery)> FindAsync(
        BrokerageDbContext db, Guid contractId, Guid deliveryId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var contract = await ContractEndpoints.VisibleAsync(db, contractId, user, cancellationToken, track: false);
        var delivery = contract is null ? null : await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.ContractId == contractId, cancellationToken);
        return (contract, delivery);
    }

    private static string SideOf(SupplyContract contract, Guid organisation) =>
        organisation == contract.SupplierOrganisationId ? PartyRoles.Supplier
        : organisation == contract.ReceiverOrganisationId ? PartyRoles.Receiver
        : PartyRoles.Operator;

    internal static DeliveryRecorded Event(this Delivery d, SupplyContract contract, DateTime at) =>
        new(d.Id, d.ContractId, d.Date, d.Quantity, d.Unit, d.Status, d.ReversesDeliveryId, at,
            contract.SupplierOrganisationId, contract.ReceiverOrganisationId);

    internal static DeliveryDto AsDto(this Delivery d) => new(
        d.Id, d.ContractId, d.Date, d.Quantity, d.Unit, d.DocumentRef, d.Status, d.RecordedByOrganisationId, d.RecordedBy, d.RecordedAt,
        d.ReviewedByOrganisationId, d.ReviewedAt, d.DisputeReason, d.ReversesDeliveryId, d.CorrectionReason);
}
