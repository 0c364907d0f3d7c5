using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.Brokerage.Impact;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deliveries;

public sealed record CorrectionRequest(
    [property: Required, StringLength(1000, MinimumLength = 3)] string Reason,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? Quantity);

public sealed record CorrectionDto(DeliveryDto Reversal, DeliveryDto? Replacement);

/// <summary>
/// POST .../deliveries/{deliveryId}/corrections: reverses a confirmed entry (a negative entry, confirmed at once) and,
/// with a quantity, records the right one for confirmation. A confirmed entry is never edited.
/// </summary>
public static class CorrectDelivery
{
    public static async Task<Results<Created<CorrectionDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, Guid deliveryId, CorrectionRequest request, ClaimsPrincipal user, BrokerageDbContext db, ImpactFactors factors,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contract, original) = await DeliveryAccess.FindAsync(db, id, deliveryId, user, cancellationToken);
        if (contract is null || original is null)
        {
            return TypedResults.NotFound();
        }

        var error = DeliveryRules.CorrectionError(original);
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
        var reversal = Entry(original, contract, org, now, -original.Quantity, request.Reason);
        reversal.Status = DeliveryStatuses.Confirmed;
        reversal.ReviewedAt = now;
        reversal.ReviewedByOrganisationId = org;
        reversal.ReversesDeliveryId = original.Id;
        db.Deliveries.Add(reversal);
        db.AddEvent(reversal.Event(contract, now), id.ToString());
        await DeliveryAccess.AddImpactAsync(db, factors, contract, reversal, cancellationToken);
        var replacement = request.Quantity is > 0 and var quantity ? Entry(original, contract, org, now, quantity, request.Reason) : null;
        if (replacement is not null)
        {
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

    /// <summary>A new entry on the original's date, unit and document, recorded now by the correcting party.</summary>
    private static Delivery Entry(Delivery original, SupplyContract contract, Guid org, DateTime now, decimal quantity, string reason) => new()
    {
        Id = Guid.CreateVersion7(),
        ContractId = original.ContractId,
        Date = original.Date,
        Quantity = quantity,
        Unit = original.Unit,
        DocumentRef = original.DocumentRef,
        RecordedByOrganisationId = org,
        RecordedBy = DeliveryRules.SideOf(contract, org),
        RecordedAt = now,
        CorrectionReason = reason.Trim(),
    };
}
