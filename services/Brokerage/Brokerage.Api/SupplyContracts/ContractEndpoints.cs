using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.Brokerage.Http;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.SupplyContracts;

public sealed record ContractDto(
    Guid Id, Guid DealId, int TermsVersion, string Status, Guid SupplierOrganisationId, Guid ReceiverOrganisationId,
    string ResourceTitle, string? EwcCode, string? ResourceClass, double? DistanceKm,
    decimal QuantityAmount, string QuantityUnit, string QuantityPeriod, DateOnly StartDate, DateOnly EndDate,
    decimal PricePerUnit, string Currency, string DeliveryTerms, string? FeePlan, Guid? FeePlanId,
    DateTime CreatedAt, DateTime? SupplierSignedAt, DateTime? ReceiverSignedAt, DateTime? ActivatedAt, DateTime? EndedAt,
    string? TerminationReason);

public sealed record ContractListDto(IReadOnlyList<ContractDto> Items);

/// <summary>An operator signs for a side it names; a party signs for its own side.</summary>
public sealed record SignRequest(string? As);

public sealed record TerminateRequest([property: Required, StringLength(1000, MinimumLength = 3)] string Reason);

public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts").WithTags("Contracts");
        group.MapGet("/", ListContracts).WithName(nameof(ListContracts)).RequireScope(Scopes.BrokerageRead);
        group.MapGet("/{id:guid}", GetContract).WithName(nameof(GetContract)).RequireScope(Scopes.BrokerageRead);
        group.MapPost("/{id:guid}/sign", SignContract).WithName(nameof(SignContract)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{id:guid}/terminate", TerminateContract).WithName(nameof(TerminateContract)).RequireScope(Scopes.BrokerageWrite);
        return app;
    }

    public static async Task<Ok<ContractListDto>> ListContracts(ClaimsPrincipal user, BrokerageDbContext db, Guid? dealId, string? status, CancellationToken cancellationToken)
    {
        var org = user.OrganisationId() ?? Guid.Empty;
        var query = db.Contracts.AsNoTracking();
        if (!user.IsOperator())
        {
            query = query.Where(c => c.SupplierOrganisationId == org || c.ReceiverOrganisationId == org);
        }

        if (dealId is { } d)
        {
            query = query.Where(c => c.DealId == d);
        }

        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(c => c.Status == status);
        }

        var contracts = await query.OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ContractListDto([.. contracts.Select(c => c.AsDto())]));
    }

    public static async Task<Results<Ok<ContractDto>, NotFound>> GetContract(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        var contract = await VisibleAsync(db, id, user, cancellationToken, track: false);
        return contract is null ? TypedResults.NotFound() : TypedResults.Ok(contract.AsDto());
    }

    public static async Task<Results<Ok<ContractDto>, NotFound, ValidationProblem, ProblemHttpResult>> SignContract(
        Guid id, SignRequest? request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var contract = await VisibleAsync(db, id, user, cancellationToken);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        string side;
        if (org == contract.SupplierOrganisationId && request?.As is null or PartyRoles.Supplier)
        {
            side = PartyRoles.Supplier;
        }
        else if (org == contract.ReceiverOrganisationId && request?.As is null or PartyRoles.Receiver)
        {
            side = PartyRoles.Receiver;
        }
        else if (user.IsOperator() && request?.As is PartyRoles.Supplier or PartyRoles.Receiver)
        {
            side = request.As;
        }
        else
        {
            return Problems.Invalid("as", "Sign for your own side; an operator names the side it signs for: 'supplier' or 'receiver'.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var outcome = ContractStateMachine.Sign(contract.Status, side, today, contract.EndDate);
        if (outcome.Error is not null)
        {
            return Problems.Conflict("Contract cannot be signed", outcome.Error);
        }

        contract.Status = outcome.Status!;
        contract.Revision++;
        if (side == PartyRoles.Supplier)
        {
            contract.SupplierSignedAt = now;
        }
        else
        {
            contract.ReceiverSignedAt = now;
        }

        if (contract.Status == ContractStatuses.Active)
        {
            contract.ActivatedAt = now;
            db.AddEvent(new ContractSigned(contract.Id, contract.DealId, contract.SupplierOrganisationId, contract.ReceiverOrganisationId,
                contract.FeePlanCode, today, now), contract.Id.ToString());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Contract changed", "The contract changed while signing (the other party signed at the same moment); reload and try again.");
        }

        return TypedResults.Ok(contract.AsDto());
    }

    public static async Task<Results<Ok<ContractDto>, NotFound, ProblemHttpResult>> TerminateContract(
        Guid id, TerminateRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var contract = await VisibleAsync(db, id, user, cancellationToken);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        var outcome = ContractStateMachine.Terminate(contract.Status);
        if (outcome.Error is not null)
        {
            return Problems.Conflict("Contract cannot be terminated", outcome.Error);
        }

        contract.Status = outcome.Status!;
        contract.Revision++;
        contract.EndedAt = clock.GetUtcNow().UtcDateTime;
        contract.TerminationReason = request.Reason.Trim();
        contract.TerminatedByOrganisationId = user.OrganisationId();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Contract changed", "The contract changed at the same moment; reload and try again.");
        }

        return TypedResults.Ok(contract.AsDto());
    }

    internal static async Task<SupplyContract?> VisibleAsync(BrokerageDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken, bool track = true)
    {
        var query = track ? db.Contracts : db.Contracts.AsNoTracking();
        var contract = await query.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contract is not null && (user.IsOperator() || contract.IsParty(user.OrganisationId() ?? Guid.Empty)) ? contract : null;
    }

    internal static ContractDto AsDto(this SupplyContract c) => new(
        c.Id, c.DealId, c.TermsVersion, c.Status, c.SupplierOrganisationId, c.ReceiverOrganisationId, c.ResourceTitle, c.EwcCode,
        c.ResourceClass, c.DistanceKm, c.QuantityAmount, c.QuantityUnit, c.QuantityPeriod, c.StartDate, c.EndDate, c.PricePerUnit,
        c.Currency, c.DeliveryTerms, c.FeePlanCode, c.FeePlanId, c.CreatedAt, c.SupplierSignedAt, c.ReceiverSignedAt, c.ActivatedAt,
        c.EndedAt, c.TerminationReason);
}
