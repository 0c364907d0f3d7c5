using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Matches;

/// <summary>The components that say whether the flow can move and trade: distance, transport, quantity, availability and price.</summary>
public static partial class Scoring
{
    public static double RoadKm(LocationSnapshot a, LocationSnapshot b, double circuity) => Geo.GreatCircleKm(a, b) * circuity;

    /// <summary>Closer is better; null beyond either side's reach.</summary>
    public static Component? Distance(double roadKm, double? offerMaxKm, double? wantMaxKm, double typicalKm)
    {
        var reach = Math.Min(offerMaxKm ?? double.MaxValue, wantMaxKm ?? double.MaxValue);
        if (roadKm > reach)
        {
            return null;
        }

        var value = 1 / (1 + (roadKm / Math.Max(typicalKm, 1)));
        var limit = reach < double.MaxValue ? $", within the {reach:0} km both sides will cover" : "";
        return new Component(value, $"About {roadKm:0} km by road (great-circle distance × circuity){limit}.");
    }

    /// <summary>Energy and water travel by pipe; materials and capacity by road.</summary>
    public static bool Piped(string resourceClass) => resourceClass is ResourceClasses.Energy or ResourceClasses.Water;

    /// <summary>
    /// Road haulage for materials, pipe for heat and water between listings that both are heat or water (a fly-ash
    /// want is never quoted a steam pipeline); per unit moved and for the yearly flow.
    /// </summary>
    public static TransportCostEstimate? TransportCost(ListingSnapshot offer, ListingSnapshot want, double roadKm, TransportFactors f)
    {
        var flow = (double)(offer.Quantity.BaseUnit == want.Quantity.BaseUnit
            ? Math.Min(offer.Quantity.YearlyAmount, want.Quantity.YearlyAmount)
            : offer.Quantity.YearlyAmount);
        switch (offer.Quantity.BaseUnit)
        {
            case Units.MegawattHour or Units.CubicMetre when Piped(offer.ResourceClass) || offer.Quantity.BaseUnit == Units.MegawattHour:
                // a pipe carries heat and water to who uses heat or water, never to a fly-ash want: no estimate across
                if (!Piped(offer.ResourceClass) || !Piped(want.ResourceClass))
                {
                    return null;
                }

                return offer.Quantity.BaseUnit == Units.MegawattHour
                    ? Estimate(f.EurPerMWhKmPipe * roadKm, 0, flow, "pipe")
                    : Estimate(f.EurPerM3KmWaterPipe * roadKm, 0, flow, "pipe");
            case Units.Tonne or Units.CubicMetre:
                // one m³ of a material is taken as one tonne: most by-products sit between 0.5 and 2 t/m³
                return Estimate(f.FixedEurPerTonne + (f.EurPerTonneKm * roadKm), f.Co2eKgPerTonneKm * roadKm, flow, "road");
            default:
                return null;
        }

        static TransportCostEstimate Estimate(double perUnit, double co2PerUnit, double flow, string mode) =>
            new(Math.Round(perUnit * flow, 2), Math.Round(co2PerUnit * flow, 2), Math.Round(perUnit, 2), mode) { Co2eKgPerTonne = Math.Round(co2PerUnit, 4) };
    }

    /// <summary>Cheaper per unit is better; a 20 € per unit haul halves the component.</summary>
    public static Component TransportFit(TransportCostEstimate? estimate, string resourceClass) => estimate is null
        ? new Component(0.5, $"No transport estimate for this {resourceClass} flow.")
        : new Component(1 / (1 + (estimate.EurPerTonne / 20)),
            $"Transport by {estimate.Mode}: about €{estimate.EurPerTonne:0.00} per unit, €{estimate.EurPerYear:0} and {estimate.Co2eKgPerYear:0} kg CO2e a year.");

    /// <summary>Both flows as yearly rates in the same base unit; an offer covering the need fits fully.</summary>
    public static Component QuantityFit(QuantitySnapshot offer, QuantitySnapshot want)
    {
        if (offer.BaseUnit != want.BaseUnit || offer.YearlyAmount <= 0 || want.YearlyAmount <= 0)
        {
            return new Component(0.5, $"Quantities are not comparable ({offer.BaseUnit} against {want.BaseUnit}).");
        }

        var ratio = (double)(offer.YearlyAmount / want.YearlyAmount);
        if (ratio >= 1)
        {
            return new Component(ratio <= 20 ? 1 : 0.8, $"Offer {offer.YearlyAmount:0.#} {offer.BaseUnit}/year covers the need of {want.YearlyAmount:0.#} {offer.BaseUnit}/year.");
        }

        return new Component(Math.Max(0.1, ratio), $"Offer {offer.YearlyAmount:0.#} {offer.BaseUnit}/year covers {ratio:P0} of the need of {want.YearlyAmount:0.#} {offer.BaseUnit}/year.");
    }

    /// <summary>Share of the want's window in which the offer is available; open ends are unbounded.</summary>
    public static Component AvailabilityOverlap(DateOnly? offerFrom, DateOnly? offerUntil, DateOnly? wantFrom, DateOnly? wantUntil)
    {
        if (offerFrom is null && offerUntil is null && wantFrom is null && wantUntil is null)
        {
            return new Component(1, "Both available without a time limit.");
        }

        var from = Max(offerFrom, wantFrom);
        var until = Min(offerUntil, wantUntil);
        if (from is not null && until is not null && until < from)
        {
            return new Component(0, "Availability windows do not overlap.");
        }

        if (wantFrom is not null && wantUntil is not null && from is not null && until is not null)
        {
            var need = wantUntil.Value.DayNumber - wantFrom.Value.DayNumber + 1;
            var overlap = until.Value.DayNumber - from.Value.DayNumber + 1;
            return new Component(Math.Clamp((double)overlap / need, 0, 1), $"Available {overlap} of the {need} days needed.");
        }

        return new Component(1, "Availability windows overlap.");

        static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
        static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
    }

    /// <summary>The offer's asking price against what the want will pay, when both are in the same currency and unit.</summary>
    public static Component PriceCompatibility(PriceSnapshot? offer, PriceSnapshot? want)
    {
        if (offer is null || want is null)
        {
            return new Component(0.75, "Price to be agreed.");
        }

        if (offer.Currency != want.Currency || offer.Per != want.Per)
        {
            return new Component(0.5, "Prices are in different currencies or units.");
        }

        if (offer.Amount <= want.Amount)
        {
            return new Component(1, $"Asking {offer.Amount} {offer.Currency}/{offer.Per}, within the {want.Amount} {want.Currency} offered.");
        }

        var gap = want.Amount <= 0 ? 1 : (double)((offer.Amount - want.Amount) / Math.Abs(offer.Amount));
        return new Component(Math.Max(0, 1 - (2 * gap)), $"Asking {offer.Amount} {offer.Currency}/{offer.Per}, above the {want.Amount} {want.Currency} offered.");
    }
}
