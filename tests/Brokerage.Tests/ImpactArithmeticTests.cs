using Marketplace.Brokerage.Deliveries;
using Marketplace.Brokerage.Impact;
using Marketplace.Brokerage.SupplyContracts;

namespace Marketplace.Brokerage.Tests;

public sealed class ImpactArithmeticTests
{
    private static readonly ImpactFactors Factors = ImpactFactors.Load();

    private static SupplyContract Contract(string title, string? ewc, string resourceClass, string unit, decimal price, string terms, double? km) => new()
    {
        Id = Guid.NewGuid(), SupplierOrganisationId = Guid.NewGuid(), ReceiverOrganisationId = Guid.NewGuid(), ResourceTitle = title,
        EwcCode = ewc, ResourceClass = resourceClass, DistanceKm = km, QuantityUnit = unit, QuantityPeriod = "month", PricePerUnit = price,
        Currency = "EUR", DeliveryTerms = terms,
    };

    private static Delivery Delivery(decimal quantity, string unit) => new()
    {
        Id = Guid.NewGuid(), Date = new DateOnly(2026, 11, 3), Quantity = quantity, Unit = unit, RecordedBy = "supplier",
    };

    [Fact]
    public void Fly_ash_collected_over_40_km_substitutes_clinker_minus_transport()
    {
        var r = ImpactCalculator.Calculate(Contract("Dry fly ash", "10 01 02", "material", "t", 5m, "collected", 40), Delivery(10, "t"), Factors, "DK");
        Assert.Equal("fly-ash", r.FactorId);
        Assert.Equal(10m, r.TonnesDiverted);
        Assert.Equal(7500m, r.Co2eSubstitutionKg);                     // 10 t × 750 kg/t
        Assert.Equal(55.64m, r.Co2eTransportKg);                       // 10 t × (40 km × 1.3) × 0.107
        Assert.Equal(7444.36m, r.Co2eAvoidedKg);
        Assert.Equal(300m, r.SupplierSavingEur);                       // 10 × 25 landfill + 10 × 5 paid
        Assert.Equal(947.60m, r.ReceiverSavingEur);                    // 10 × 110 − 50 paid − 10 × (4 + 0.12 × 52)
        Assert.Equal("2026-11", r.Period);
        Assert.Equal("DK", r.Country);
    }

    [Fact]
    public void A_gate_fee_delivered_by_the_supplier_costs_it_the_fee_and_the_haul()
    {
        var r = ImpactCalculator.Calculate(Contract("Crushed concrete", "17 01 01", "material", "t", -8m, "delivered", 10), Delivery(2000, "kg"), Factors, "DE");
        Assert.Equal("cd-aggregates", r.FactorId);
        Assert.Equal(2m, r.TonnesDiverted);
        Assert.Equal(8m - 2.782m, r.Co2eAvoidedKg);                   // 2 × 4 − 2 × 13 km × 0.107
        Assert.Equal(2 * 25m - 16m - 2 * (4m + 0.12m * 13m), r.SupplierSavingEur);
        Assert.Equal(2 * 15m + 16m, r.ReceiverSavingEur);
    }

    [Fact]
    public void Water_and_heat_count_as_water_saved_and_energy_without_tonnes()
    {
        var water = ImpactCalculator.Calculate(Contract("Treated process water", null, "water", "m3", 0.5m, "delivered", 2), Delivery(1000, "m3"), Factors, "DK");
        Assert.Equal("generic-water", water.FactorId);
        Assert.Equal(1000m, water.WaterSavedM3);
        Assert.Equal(0m, water.TonnesDiverted);
        Assert.Equal(149m, water.Co2eAvoidedKg);
        Assert.Equal(1500m, water.ReceiverSavingEur);                  // 1000 × 2.0 − 1000 × 0.5

        var heat = ImpactCalculator.Calculate(Contract("Waste heat 90 °C", null, "energy", "MWh", 10m, "delivered", 1), Delivery(500, "kWh"), Factors, "DK");
        Assert.Equal(0.5m, heat.EnergyRecoveredMWh);
        Assert.Equal(101.5m, heat.Co2eAvoidedKg);                      // 0.5 MWh × 203
    }

    [Fact]
    public void Factors_are_chosen_by_longest_waste_code_then_by_name()
    {
        Assert.Equal("ggbs", Factors.Select("10 02 02", "Granulated blast furnace slag", "material").Id);
        Assert.Equal("steel-slag-aggregate", Factors.Select("10 02 02", "BOF steel slag", "material").Id);
        Assert.Equal("wood-residues", Factors.Select(null, "Clean sawdust from joinery", "material").Id);
        Assert.Equal("generic-non-hazardous-material", Factors.Select(null, "Something unusual", "material").Id);
        Assert.Equal("generic-inert-mineral", Factors.Select("10 99 99", "Unlisted", "material").Id);
    }

    [Fact]
    public void A_reversing_entry_yields_the_negative_impact()
    {
        var contract = Contract("Dry fly ash", "10 01 02", "material", "t", 5m, "collected", 40);
        var forward = ImpactCalculator.Calculate(contract, Delivery(10, "t"), Factors, "DK");
        var back = ImpactCalculator.Calculate(contract, Delivery(-10, "t"), Factors, "DK");
        Assert.Equal(0m, forward.Co2eAvoidedKg + back.Co2eAvoidedKg);
        Assert.Equal(0m, forward.SupplierSavingEur + back.SupplierSavingEur);
    }
}
