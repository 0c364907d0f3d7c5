using Marketplace.Brokerage.Fees;
using Marketplace.Listings.Contracts;

namespace Marketplace.Brokerage.Projects;

/// <summary>
/// The feasibility worksheet as a pure function of the entered inputs, the flows and the factors. Per flow:
/// road km = distance × circuity; transport cost = q × (fixed per t + cost per t·km × road km); transport CO2e =
/// q × road km × kg per t·km (no transport term unless the unit is t); avoided disposal = q × disposal cost per
/// unit. Capital cost, operating cost and output revenue are shared by the key. Yearly net = avoided disposal +
/// revenue − operating cost − transport; payback = capital / yearly net; NPV = −capital + yearly net × annuity
/// factor. CO2e avoided = pooled × substitution factor − transport CO2e.
/// </summary>
public static class FeasibilityWorksheet
{
    private const string Entered = "entered by the facilitator";
    private const string FromFlows = "the project's flows (quantity per year)";

    private sealed record Totals(decimal Quantity, decimal Transport, decimal TransportKg, decimal Disposal);

    public static Worksheet Compute(string unit, FeasibilityInputs inputs, IReadOnlyList<WorksheetParticipant> participants,
        IReadOnlyList<WorksheetFlow> flows, WorksheetFactors factors)
    {
        var errors = Validate(inputs).ToList();
        var byOrg = participants.ToDictionary(p => p.OrganisationId, p => Sum(flows.Where(f => f.OrganisationId == p.OrganisationId), unit, factors));
        var quantities = byOrg.ToDictionary(kv => kv.Key, kv => kv.Value.Quantity);
        var sharing = CostSharing.Shares(inputs.SharingKey, [.. participants.Select(p => p.OrganisationId)], quantities, inputs.CustomShares);
        if (sharing.Error is not null)
        {
            errors.Add(sharing.Error);
        }

        var total = Sum(flows, unit, factors);
        var project = Economics(inputs, total, unit, factors, inputs.CapitalCost, inputs.YearlyOperatingCost, inputs.YearlyOutputRevenue, "project");
        var viable = inputs.MinimumViableScale > 0 && total.Quantity >= inputs.MinimumViableScale;
        project.InsertRange(1,
        [
            new Figure("minimumViableScale", inputs.MinimumViableScale, $"{unit}/year", "as entered", Entered),
            new Figure("scaleCoverage", inputs.MinimumViableScale > 0 ? Math.Round(total.Quantity / inputs.MinimumViableScale, 4) : null, "ratio",
                $"pooled / minimum viable scale = {total.Quantity:0.###} / {inputs.MinimumViableScale:0.###}", FromFlows),
        ]);

        var sheets = participants.Select(p =>
        {
            var share = sharing.Shares.GetValueOrDefault(p.OrganisationId);
            var figures = Economics(inputs, byOrg[p.OrganisationId], unit, factors, inputs.CapitalCost * share, inputs.YearlyOperatingCost * share,
                inputs.YearlyOutputRevenue * share, "participant");
            figures.Insert(1, new Figure("share", Math.Round(share, 6), "ratio", sharing.Formula, inputs.SharingKey == CostSharing.Custom ? Entered : FromFlows));
            return new ParticipantSheet(p.OrganisationId, p.Name, p.Role, figures);
        }).ToList();

        return new Worksheet(unit, viable, project, sheets, LargestSupplierLeaves(unit, inputs, participants, flows, factors, total), errors);
    }

    private static List<Figure> Economics(FeasibilityInputs inputs, Totals t, string unit, WorksheetFactors factors,
        decimal capex, decimal opex, decimal revenue, string who)
    {
        var c = inputs.Currency;
        var tr = factors.Transport;
        var material = factors.Material;
        var transportSource = $"transport model (knowledge/factors.json): circuity {tr.RoadCircuityFactor}, {c} {tr.FixedCostEurPerTonne}/t fixed + {c} {tr.CostEurPerTonneKm}/t·km; CO2e {tr.Co2eKgPerTonneKm} kg/t·km ({tr.Source})";
        var materialSource = $"impact factor '{material.Id}' (knowledge/factors.json): {material.Source}";
        var net = t.Disposal + revenue - opex - t.Transport;
        var payback = Finance.PaybackYears(capex, net);
        var annuity = Finance.AnnuityFactor(inputs.DiscountRate, inputs.LifetimeYears);
        var substitution = t.Quantity * material.Co2eAvoidedKgPerTonne;
        return
        [
            new("quantityPerYear", t.Quantity, $"{unit}/year", "Σ committed quantity of the flows", FromFlows),
            new("transportCost", Money.Round(t.Transport), c + "/year", $"Σ q × ({tr.FixedCostEurPerTonne} + {tr.CostEurPerTonneKm} × distance × {tr.RoadCircuityFactor})", transportSource),
            new("transportCo2eKg", Math.Round(t.TransportKg, 3), "kg CO2e/year", $"Σ q × distance × {tr.RoadCircuityFactor} × {tr.Co2eKgPerTonneKm}", transportSource),
            new("avoidedDisposalCost", Money.Round(t.Disposal), c + "/year", $"Σ q × disposal cost per {unit} (flow's, else {material.LandfillCostEurPerTonne})", materialSource),
            new("capitalCost", Money.Round(capex), c, who == "project" ? "as entered" : "capital cost × share", Entered),
            new("yearlyOperatingCost", Money.Round(opex), c + "/year", who == "project" ? "as entered" : "yearly operating cost × share", Entered),
            new("yearlyOutputRevenue", Money.Round(revenue), c + "/year", who == "project" ? "as entered" : "yearly output revenue × share", Entered),
            new("yearlyNet", Money.Round(net), c + "/year",
                $"avoided disposal + revenue − operating cost − transport = {t.Disposal:0.##} + {revenue:0.##} − {opex:0.##} − {t.Transport:0.##}", "computed"),
            new("paybackYears", payback is { } p ? Math.Round(p, 2) : null, "years",
                payback is null ? "never: the yearly net is not positive" : $"capital / yearly net = {capex:0.##} / {net:0.##}", "computed"),
            new("annuityFactor", Math.Round(annuity, 6), "years", $"Σ_(t=1..{inputs.LifetimeYears}) 1 / (1 + {inputs.DiscountRate})^t", Entered + " (discount rate, lifetime)"),
            new("netPresentValue", Money.Round(Finance.NetPresentValue(capex, net, inputs.DiscountRate, inputs.LifetimeYears)), c,
                $"−capital + yearly net × annuity factor = −{capex:0.##} + {net:0.##} × {annuity:0.######}", "computed"),
            new("co2eSubstitutionKg", Math.Round(substitution, 3), "kg CO2e/year", $"quantity × {material.Co2eAvoidedKgPerTonne} kg CO2e/{material.Unit}", materialSource),
            new("co2eAvoidedKg", Math.Round(substitution - t.TransportKg, 3), "kg CO2e/year", "substitution − transport CO2e", materialSource + "; " + transportSource),
        ];
    }

    private static Sensitivity? LargestSupplierLeaves(string unit, FeasibilityInputs inputs, IReadOnlyList<WorksheetParticipant> participants,
        IReadOnlyList<WorksheetFlow> flows, WorksheetFactors factors, Totals total)
    {
        var largest = participants
            .Select(p => (p.OrganisationId, Quantity: flows.Where(f => f.OrganisationId == p.OrganisationId).Sum(f => f.QuantityPerYear)))
            .Where(x => x.Quantity > 0).OrderByDescending(x => x.Quantity).FirstOrDefault();
        if (largest.Quantity <= 0 || total.Quantity <= 0)
        {
            return null;
        }

        var rest = Sum(flows.Where(f => f.OrganisationId != largest.OrganisationId), unit, factors);
        var revenue = inputs.YearlyOutputRevenue * rest.Quantity / total.Quantity;
        var figures = Economics(inputs, rest, unit, factors, inputs.CapitalCost, inputs.YearlyOperatingCost, revenue, "project");
        figures.Add(new Figure("shortfall", Math.Max(0, inputs.MinimumViableScale - rest.Quantity), $"{unit}/year",
            $"max(0, minimum viable scale − remaining pooled) = max(0, {inputs.MinimumViableScale:0.###} − {rest.Quantity:0.###})", FromFlows));
        var name = participants.First(p => p.OrganisationId == largest.OrganisationId).Name;
        return new Sensitivity($"{name} ({largest.Quantity:0.###} {unit}/year) leaves; output revenue scales with the quantity, capital and operating cost stay",
            largest.OrganisationId, inputs.MinimumViableScale > 0 && rest.Quantity >= inputs.MinimumViableScale, figures);
    }

    private static Totals Sum(IEnumerable<WorksheetFlow> flows, string unit, WorksheetFactors factors)
    {
        var tr = factors.Transport;
        decimal quantity = 0, cost = 0, kg = 0, disposal = 0;
        foreach (var f in flows)
        {
            var roadKm = (decimal)(f.DistanceKm ?? (double)tr.TypicalExchangeDistanceKm) * tr.RoadCircuityFactor;
            var hauled = unit == Units.Tonne ? f.QuantityPerYear : 0m;
            quantity += f.QuantityPerYear;
            cost += hauled * (tr.FixedCostEurPerTonne + (tr.CostEurPerTonneKm * roadKm));
            kg += hauled * roadKm * tr.Co2eKgPerTonneKm;
            disposal += f.QuantityPerYear * (f.DisposalCostPerUnit ?? factors.Material.LandfillCostEurPerTonne);
        }

        return new Totals(quantity, cost, kg, disposal);
    }

    private static IEnumerable<string> Validate(FeasibilityInputs i)
    {
        if (i.MinimumViableScale < 0 || i.CapitalCost < 0 || i.YearlyOperatingCost < 0 || i.YearlyOutputRevenue < 0)
        {
            yield return "Minimum viable scale, capital cost, operating cost and output revenue must not be negative.";
        }

        if (i.DiscountRate is < 0 or > 1)
        {
            yield return "The discount rate is a fraction between 0 and 1 (0.06 for 6 %).";
        }

        if (i.LifetimeYears is < 1 or > 100)
        {
            yield return "The lifetime must be between 1 and 100 years.";
        }
    }
}
