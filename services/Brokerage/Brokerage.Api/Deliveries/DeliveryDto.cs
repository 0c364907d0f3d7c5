using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.SupplyContracts;

namespace Marketplace.Brokerage.Deliveries;

public sealed record DeliveryDto(
    Guid Id, Guid ContractId, DateOnly Date, decimal Quantity, string Unit, string? DocumentRef, string Status,
    Guid RecordedByOrganisationId, string RecordedBy, DateTime RecordedAt, Guid? ReviewedByOrganisationId, DateTime? ReviewedAt,
    string? DisputeReason, Guid? ReversesDeliveryId, string? CorrectionReason);

internal static class DeliveryMapping
{
    public static DeliveryRecorded Event(this Delivery d, SupplyContract contract, DateTime at) =>
        new(d.Id, d.ContractId, d.Date, d.Quantity, d.Unit, d.Status, d.ReversesDeliveryId, at,
            contract.SupplierOrganisationId, contract.ReceiverOrganisationId, d.RecordedByOrganisationId, contract.DealId);

    public static DeliveryDto AsDto(this Delivery d) => new(
        d.Id, d.ContractId, d.Date, d.Quantity, d.Unit, d.DocumentRef, d.Status, d.RecordedByOrganisationId, d.RecordedBy, d.RecordedAt,
        d.ReviewedByOrganisationId, d.ReviewedAt, d.DisputeReason, d.ReversesDeliveryId, d.CorrectionReason);
}
