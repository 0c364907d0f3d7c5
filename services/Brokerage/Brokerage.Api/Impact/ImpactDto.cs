namespace Marketplace.Brokerage.Impact;

public sealed record ImpactFiguresDto(
    int Deliveries, decimal TonnesDiverted, decimal Co2eSubstitutionKg, decimal Co2eTransportKg, decimal Co2eAvoidedKg,
    decimal WaterSavedM3, decimal EnergyRecoveredMWh, decimal SupplierSavingEur, decimal ReceiverSavingEur, decimal MoneySavedEur);

public sealed record ImpactGroupDto(IReadOnlyDictionary<string, string?> Key, ImpactFiguresDto Figures);

public sealed record ImpactFactorDto(string Id, string? Source);

public sealed record ImpactDto(IReadOnlyList<string> GroupBy, ImpactFiguresDto Totals, IReadOnlyList<ImpactGroupDto> Groups, IReadOnlyList<ImpactFactorDto> Factors);
