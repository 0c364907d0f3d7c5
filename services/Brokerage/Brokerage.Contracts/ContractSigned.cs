namespace Marketplace.Brokerage.Contracts;

/// <summary>Both sides have signed: the supply contract is active.</summary>
public sealed record ContractSigned(
    Guid ContractId,
    Guid DealId,
    Guid SupplierOrganisationId,
    Guid ReceiverOrganisationId,
    string? FeePlanCode,
    DateOnly SignedOn,
    DateTime SignedAt);
