namespace Marketplace.Portal.Api;

public sealed record TermsQuantity(decimal Amount, string Unit, string Period, DateOnly Start, DateOnly End);

public sealed record TermsPrice(decimal PerUnit, string Currency);

public sealed record Terms(
    Guid Id, int Version, string Status, string ProposedBy, TermsQuantity Quantity, TermsPrice Price, string DeliveryTerms,
    string? FeePlan, string? Note, DateTimeOffset ProposedAt, DateTimeOffset? AcceptedAt);

public sealed record TermsList(IReadOnlyList<Terms> Items);

public sealed record Contract(
    Guid Id, Guid DealId, int TermsVersion, string Status, Guid SupplierOrganisationId, Guid ReceiverOrganisationId,
    decimal QuantityAmount, string QuantityUnit, string QuantityPeriod, DateOnly StartDate, DateOnly EndDate,
    decimal PricePerUnit, string Currency, string DeliveryTerms, string? FeePlan, Guid? FeePlanId,
    DateTimeOffset? SupplierSignedAt, DateTimeOffset? ReceiverSignedAt, DateTimeOffset? ActivatedAt);

public sealed record Delivery(
    Guid Id, Guid ContractId, DateOnly Date, decimal Quantity, string Unit, string? DocumentRef, string Status,
    Guid RecordedByOrganisationId, string RecordedBy, DateTimeOffset RecordedAt, string? DisputeReason);

public sealed record DeliveryList(IReadOnlyList<Delivery> Items);

public sealed record FeePlan(
    Guid Id, string Code, string Name, string Currency, decimal? PercentOfValue, decimal? AmountPerUnit, string? PerUnit,
    decimal? SuccessFee, decimal? MonthlyMembership, string Payer, decimal SupplierShare);

public sealed record ImpactFigures(
    int Deliveries, decimal TonnesDiverted, decimal Co2eAvoidedKg, decimal WaterSavedM3, decimal EnergyRecoveredMWh, decimal MoneySavedEur);

public sealed record Impact(ImpactFigures Totals);

/// <summary>Everything the deal page shows, read in one go (at most six API calls).</summary>
public sealed record DealView(Deal Deal, IReadOnlyList<Terms> Terms, Contract? Contract, IReadOnlyList<Delivery> Deliveries, FeePlan? FeePlan, Impact Impact);
