namespace Marketplace.Brokerage.Impact;

/// <summary>The impact of one confirmed delivery entry (negative for a reversing entry), with the factor used.</summary>
public sealed class ImpactRecord
{
    public Guid DeliveryId { get; set; }
    public Guid ContractId { get; set; }
    public Guid SupplierOrganisationId { get; set; }
    public Guid ReceiverOrganisationId { get; set; }
    /// <summary>The supplier's country: where the resource was kept out of landfill.</summary>
    public string? Country { get; set; }
    public required string ResourceClass { get; set; }
    public required string FactorId { get; set; }
    public required string Period { get; set; }
    public DateOnly Date { get; set; }
    public decimal Quantity { get; set; }
    public required string Unit { get; set; }
    public decimal TonnesDiverted { get; set; }
    public decimal Co2eSubstitutionKg { get; set; }
    public decimal Co2eTransportKg { get; set; }
    public decimal Co2eAvoidedKg { get; set; }
    public decimal WaterSavedM3 { get; set; }
    public decimal EnergyRecoveredMWh { get; set; }
    public decimal SupplierSavingEur { get; set; }
    public decimal ReceiverSavingEur { get; set; }
}
