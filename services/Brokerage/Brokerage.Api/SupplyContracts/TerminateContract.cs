using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.SupplyContracts;

public sealed record TerminateRequest([property: Required, StringLength(1000, MinimumLength = 3)] string Reason);

/// <summary>POST /api/v1/contracts/{id}/terminate: either party or the operator ends a contract early, with a reason.</summary>
public static class TerminateContract
{
    public static async Task<Results<Ok<ContractDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, TerminateRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.FindVisibleAsync(id, user, cancellationToken);
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
}
