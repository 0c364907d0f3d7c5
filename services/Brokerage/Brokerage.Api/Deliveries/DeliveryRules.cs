using Marketplace.Brokerage.Deals;
using Marketplace.Brokerage.SupplyContracts;

namespace Marketplace.Brokerage.Deliveries;

/// <summary>Who records, reviews and corrects a delivery, as pure functions: null when allowed, otherwise why not.</summary>
public static class DeliveryRules
{
    /// <summary>How far ahead of today (UTC) a delivery may be dated: a day, for a weighbridge ticket east of UTC.</summary>
    public const int FutureToleranceDays = 1;

    /// <summary>A delivery has happened: dated at most <see cref="FutureToleranceDays"/> after today (UTC).</summary>
    public static string? FutureDateError(DateOnly date, DateTimeOffset now)
    {
        var latest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(FutureToleranceDays);
        return date > latest
            ? $"date {date:yyyy-MM-dd} is in the future: a delivery is recorded once it has happened (at most {latest:yyyy-MM-dd})."
            : null;
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

    /// <summary>Only a confirmed original is corrected (once; the caller checks for an earlier reversal).</summary>
    public static string? CorrectionError(Delivery original) => original switch
    {
        { ReversesDeliveryId: not null } => "A reversing entry cannot itself be corrected; correct the original delivery.",
        { Status: not DeliveryStatuses.Confirmed } => $"Only a confirmed delivery is corrected; this one is {original.Status} (a recorded delivery is disputed instead).",
        _ => null,
    };

    /// <summary>The recorder's side of the contract; anyone else who may record (operator, partner app) records as operator.</summary>
    public static string SideOf(SupplyContract contract, Guid organisation) =>
        organisation == contract.SupplierOrganisationId ? PartyRoles.Supplier
        : organisation == contract.ReceiverOrganisationId ? PartyRoles.Receiver
        : PartyRoles.Operator;
}
