namespace Marketplace.Brokerage.SupplyContracts;

public sealed record ContractDto(
    Guid Id, Guid DealId, int TermsVersion, string Status, Guid SupplierOrganisationId, Guid ReceiverOrganisationId,
    string ResourceTitle, string? EwcCode, string? ResourceClass, double? DistanceKm,
    decimal QuantityAmount, string QuantityUnit, string QuantityPeriod, DateOnly StartDate, DateOnly EndDate,
    decimal PricePerUnit, string Currency, string DeliveryTerms, string? FeePlan, Guid? FeePlanId,
    DateTime CreatedAt, DateTime? SupplierSignedAt, DateTime? ReceiverSignedAt, DateTime? ActivatedAt, DateTime? EndedAt,
    string? TerminationReason);

internal static class ContractMapping
{
    public static ContractDto AsDto(this SupplyContract c) => new(
        c.Id, c.DealId, c.TermsVersion, c.Status, c.SupplierOrganisationId, c.ReceiverOrganisationId, c.ResourceTitle, c.EwcCode,
        c.ResourceClass, c.DistanceKm, c.QuantityAmount, c.QuantityUnit, c.QuantityPeriod, c.StartDate, c.EndDate, c.PricePerUnit,
        c.Currency, c.DeliveryTerms, c.FeePlanCode, c.FeePlanId, c.CreatedAt, c.SupplierSignedAt, c.ReceiverSignedAt, c.ActivatedAt,
        c.EndedAt, c.TerminationReason);
}
