using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.Brokerage.Impact;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Deliveries;

/// <summary>POST .../deliveries/{deliveryId}/confirm: the counterparty confirms; from then on the entry counts for fees and impact.</summary>
public static class ConfirmDelivery
{
    public static async Task<Results<Ok<DeliveryDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, Guid deliveryId, ClaimsPrincipal user, BrokerageDbContext db, ImpactFactors factors, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contract, delivery) = await DeliveryAccess.FindAsync(db, id, deliveryId, user, cancellationToken);
        if (contract is null || delivery is null)
        {
            return TypedResults.NotFound();
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        if (delivery.Status == DeliveryStatuses.Confirmed && delivery.ReviewedByOrganisationId == org)
        {
            return TypedResults.Ok(delivery.AsDto()); // a retried confirmation
        }

        if (DeliveryRules.ReviewError(contract, delivery, org, user.IsOperator()) is { } error)
        {
            return Problems.Conflict("Delivery cannot be confirmed", error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Status = DeliveryStatuses.Confirmed;
        delivery.ReviewedAt = now;
        delivery.ReviewedByOrganisationId = org;
        db.AddEvent(delivery.Event(contract, now), id.ToString());
        await DeliveryAccess.AddImpactAsync(db, factors, contract, delivery, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(delivery.AsDto());
    }
}
