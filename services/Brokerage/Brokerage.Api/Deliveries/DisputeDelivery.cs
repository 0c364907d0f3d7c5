using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Deliveries;

public sealed record DisputeRequest([property: Required, StringLength(1000, MinimumLength = 3)] string Reason);

/// <summary>POST .../deliveries/{deliveryId}/dispute: the counterparty disputes a recorded entry, with a reason; it never counts.</summary>
public static class DisputeDelivery
{
    public static async Task<Results<Ok<DeliveryDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, Guid deliveryId, DisputeRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contract, delivery) = await DeliveryAccess.FindAsync(db, id, deliveryId, user, cancellationToken);
        if (contract is null || delivery is null)
        {
            return TypedResults.NotFound();
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        if (DeliveryRules.ReviewError(contract, delivery, org, user.IsOperator()) is { } error)
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
}
