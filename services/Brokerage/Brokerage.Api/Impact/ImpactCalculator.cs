using Marketplace.Brokerage.Deliveries;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.Listings.Contracts;

namespace Marketplace.Brokerage.Impact;

/// <summary>
/// The impact of one confirmed delivery entry, a pure function of the contract, the entry and the factors:
/// <list type="bullet">
/// <item>amount = the quantity in the factor's unit (t, MWh or m3); tonnes diverted = amount when that unit is t;</item>
/// <item>CO2e avoided = amount × substitution factor − transport (t × road km × kg CO2e per t·km), road km =
/// deal distance (or the typical exchange distance when unknown) × circuity; piped heat and water carry no
/// transport term;</item>
/// <item>supplier saves the disposal cost avoided plus what it is paid (minus a gate fee it pays) minus transport
/// when it delivers; the receiver saves the purchase cost of the virgin input avoided minus what it pays, minus
/// transport when it collects. Money terms in EUR; a contract price in another currency is left out.</item>
/// </list>
/// </summary>
public static class ImpactCalculator
{
    public static ImpactRecord Calculate(SupplyContract contract, Delivery delivery, ImpactFactors factors, string? supplierCountry)
    {
        var factor = factors.Select(contract.EwcCode, contract.ResourceTitle, contract.ResourceClass);
        var amount = Units.TryConvert(delivery.Quantity, delivery.Unit, factor.Unit, out var a) ? a : 0m;
        var tonnes = factor.Unit == Units.Tonne ? amount : 0m;
        var roadKm = (decimal)(contract.DistanceKm ?? (double)factors.Transport.TypicalExchangeDistanceKm) * factors.Transport.RoadCircuityFactor;
        var transportKg = tonnes * roadKm * factors.Transport.Co2eKgPerTonneKm;
        var transportEur = tonnes == 0 ? 0 : tonnes * (factors.Transport.FixedCostEurPerTonne + factors.Transport.CostEurPerTonneKm * roadKm);
        var substitutionKg = amount * factor.Co2eAvoidedKgPerTonne;

        var paid = contract.Currency == "EUR" && Units.TryConvert(delivery.Quantity, delivery.Unit, contract.QuantityUnit, out var inContract)
            ? inContract * contract.PricePerUnit
            : 0m;
        var supplierDelivers = contract.DeliveryTerms == "delivered";
        var supplierSaving = amount * factor.LandfillCostEurPerTonne + paid - (supplierDelivers ? transportEur : 0);
        var receiverSaving = amount * factor.VirginPriceEurPerTonne - paid - (supplierDelivers ? 0 : transportEur);

        return new ImpactRecord
        {
            DeliveryId = delivery.Id,
            ContractId = contract.Id,
            SupplierOrganisationId = contract.SupplierOrganisationId,
            ReceiverOrganisationId = contract.ReceiverOrganisationId,
            Country = supplierCountry,
            ResourceClass = contract.ResourceClass ?? factor.ResourceClass,
            FactorId = factor.Id,
            Period = FeeAccrual.PeriodOf(delivery.Date),
            Date = delivery.Date,
            Quantity = delivery.Quantity,
            Unit = delivery.Unit,
            TonnesDiverted = Math.Round(tonnes, 6),
            Co2eSubstitutionKg = Math.Round(substitutionKg, 3),
            Co2eTransportKg = Math.Round(transportKg, 3),
            Co2eAvoidedKg = Math.Round(substitutionKg - transportKg, 3),
            WaterSavedM3 = factor.Unit == Units.CubicMetre ? Math.Round(amount, 3) : 0,
            EnergyRecoveredMWh = factor.Unit == Units.MegawattHour ? Math.Round(amount, 3) : 0,
            SupplierSavingEur = Money.Round(supplierSaving),
            ReceiverSavingEur = Money.Round(receiverSaving),
        };
    }
}
