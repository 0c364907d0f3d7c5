using System.Security.Claims;
using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>An operator signs for a side it names; a party signs for its own side.</summary>
public sealed record SignRequest(string? As);

/// <summary>POST /api/v1/contracts/{id}/sign: each side signs once; the second signature activates the contract and publishes ContractSigned.</summary>
public static class SignContract
{
    public static async Task<Results<Ok<ContractDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, SignRequest? request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.FindVisibleAsync(id, user, cancellationToken);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        if (SideOf(contract, org, user.IsOperator(), request?.As) is not { } side)
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

    /// <summary>The side the caller signs for: its own, or for an operator the one it names; null when neither fits.</summary>
    public static string? SideOf(SupplyContract contract, Guid org, bool isOperator, string? requested)
    {
        if (org == contract.SupplierOrganisationId && requested is null or PartyRoles.Supplier)
        {
            return PartyRoles.Supplier;
        }

        if (org == contract.ReceiverOrganisationId && requested is null or PartyRoles.Receiver)
        {
            return PartyRoles.Receiver;
        }

        return isOperator && requested is PartyRoles.Supplier or PartyRoles.Receiver ? requested : null;
    }
}
