namespace Marketplace.Brokerage.Contracts;

/// <summary>
/// A delivery entry changed state: <c>recorded</c>, <c>confirmed</c> or <c>disputed</c>. A correction is a
/// reversing entry (<see cref="ReversesDeliveryId"/> set, negative quantity), never an edit.
/// The contract's parties, who recorded the entry and the contract's deal come last: added later, they are
/// <see cref="Guid.Empty"/> in messages from older publishers.
/// </summary>
public sealed record DeliveryRecorded(
    Guid DeliveryId,
    Guid ContractId,
    DateOnly Date,
    decimal Quantity,
    string Unit,
    string Status,
    Guid? ReversesDeliveryId,
    DateTime At,
    Guid SupplierOrganisationId = default,
    Guid ReceiverOrganisationId = default,
    Guid RecordedByOrganisationId = default,
    Guid DealId = default);
