using Marketplace.Brokerage.Impact;
using Marketplace.Brokerage.Projects;

namespace Marketplace.Brokerage.Tests.Projects;

/// <summary>
/// The worksheet against a hand-computed example: five food processors pool food waste for a digester of
/// 10,000 t/year minimum scale; capital 3,000,000 EUR, operating 400,000 EUR/year, biogas revenue 350,000 EUR/year,
/// 6 % over 15 years, costs shared by quantity. Factors as in knowledge/factors.json (circuity 1.3, 4 EUR/t fixed,
/// 0.12 EUR/t·km, 0.107 kg CO2e/t·km; food waste 120 kg CO2e/t avoided, 110 EUR/t disposal).
/// </summary>
public sealed class FeasibilityTests
{
    internal static readonly WorksheetFactors Factors = new(
        new TransportFactors(1.3m, 0.107m, 0.12m, 4m, 20m, "test transport"),
        new MaterialFactor("food-waste", "material", "t", [], [], 120m, 110m, 60m, false, "test factor"));

    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid E = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    private static readonly Guid Digester = Guid.Parse("00000000-0000-0000-0000-0000000000ff");

    private static readonly WorksheetParticipant[] Participants =
    [
        new(A, "Dairy A", ProjectRoles.Supplier), new(B, "Bakery B", ProjectRoles.Supplier), new(C, "Cannery C", ProjectRoles.Supplier),
        new(D, "Distillery D", ProjectRoles.Supplier), new(E, "Eggs E", ProjectRoles.Supplier), new(Digester, "Biogas Co", ProjectRoles.InstallationOperator),
    ];

    private static readonly WorksheetFlow[] Flows =
    [
        new(A, 4000m, 10, null), new(B, 2500m, 20, null), new(C, 1500m, 5, null), new(D, 1200m, 30, null), new(E, 800m, 15, null),
    ];

    private static FeasibilityInputs Inputs(string key = CostSharing.ByQuantity, IReadOnlyDictionary<Guid, decimal>? custom = null) =>
        new(10_000m, 3_000_000m, 400_000m, 350_000m, key, custom, 0.06m, 15);

    [Fact]
    public void The_project_figures_match_the_hand_computed_example()
    {
        var sheet = FeasibilityWorksheet.Compute("t", Inputs(), Participants, Flows, Factors);

        Assert.Empty(sheet.Errors);
        // pooled = 4000 + 2500 + 1500 + 1200 + 800 = 10000 t ≥ 10000 t: viable, coverage 1
        Assert.Equal(10_000m, sheet.Value("quantityPerYear"));
        Assert.True(sheet.Viable);
        Assert.Equal(1m, sheet.Value("scaleCoverage"));
        // transport = Σ q × (4 + 0.12 × 1.3 × km) = 4000×5.56 + 2500×7.12 + 1500×4.78 + 1200×8.68 + 800×6.34
        //           = 22240 + 17800 + 7170 + 10416 + 5072 = 62698 EUR/year
        Assert.Equal(62_698m, sheet.Value("transportCost"));
        // transport CO2e = Σ q × km × 1.3 × 0.107 = 5564 + 6955 + 1043.25 + 5007.6 + 1669.2 = 20239.05 kg
        Assert.Equal(20_239.05m, sheet.Value("transportCo2eKg"));
        // avoided disposal = 10000 × 110 = 1,100,000 EUR/year
        Assert.Equal(1_100_000m, sheet.Value("avoidedDisposalCost"));
        // yearly net = 1,100,000 + 350,000 − 400,000 − 62,698 = 987,302
        Assert.Equal(987_302m, sheet.Value("yearlyNet"));
        // payback = 3,000,000 / 987,302 = 3.0386 → 3.04 years
        Assert.Equal(3.04m, sheet.Value("paybackYears"));
        // annuity factor at 6 %, 15 years = (1 − 1.06^−15) / 0.06 = 9.712249
        Assert.Equal(9.712249m, sheet.Value("annuityFactor"));
        // NPV = −3,000,000 + 987,302 × 9.712248988 = 6,588,922.85
        Assert.Equal(6_588_922.85m, sheet.Value("netPresentValue"));
        // CO2e avoided = 10000 × 120 − 20239.05 = 1,179,760.95 kg
        Assert.Equal(1_200_000m, sheet.Value("co2eSubstitutionKg"));
        Assert.Equal(1_179_760.95m, sheet.Value("co2eAvoidedKg"));
    }

    [Fact]
    public void Each_participant_gets_its_share_transport_payback_and_npv()
    {
        var sheet = FeasibilityWorksheet.Compute("t", Inputs(), Participants, Flows, Factors);
        var a = sheet.Participants.Single(p => p.OrganisationId == A);

        // share 4000 / 10000 = 0.4; capital 1,200,000, operating 160,000, revenue 140,000
        Assert.Equal(0.4m, a.Value("share"));
        Assert.Equal(1_200_000m, a.Value("capitalCost"));
        Assert.Equal(160_000m, a.Value("yearlyOperatingCost"));
        Assert.Equal(140_000m, a.Value("yearlyOutputRevenue"));
        // transport 4000 × (4 + 0.12 × 13) = 22,240; CO2e 4000 × 13 × 0.107 = 5,564 kg
        Assert.Equal(22_240m, a.Value("transportCost"));
        Assert.Equal(5_564m, a.Value("transportCo2eKg"));
        // net = 440,000 + 140,000 − 160,000 − 22,240 = 397,760; payback 1,200,000 / 397,760 = 3.02
        Assert.Equal(397_760m, a.Value("yearlyNet"));
        Assert.Equal(3.02m, a.Value("paybackYears"));
        // NPV = −1,200,000 + 397,760 × 9.712248988 = 2,663,144.16
        Assert.Equal(2_663_144.16m, a.Value("netPresentValue"));
        // CO2e avoided = 4000 × 120 − 5564 = 474,436 kg
        Assert.Equal(474_436m, a.Value("co2eAvoidedKg"));

        var e = sheet.Participants.Single(p => p.OrganisationId == E);
        // E: share 0.08, net = 88,000 + 28,000 − 32,000 − 5,072 = 78,928; NPV −240,000 + 78,928 × 9.712249 = 526,568.39
        Assert.Equal(78_928m, e.Value("yearlyNet"));
        Assert.Equal(526_568.39m, e.Value("netPresentValue"));

        // the digester has no flow: by quantity it carries nothing and has no payback
        var digester = sheet.Participants.Single(p => p.OrganisationId == Digester);
        Assert.Equal(0m, digester.Value("share"));
        Assert.Null(digester.Value("paybackYears"));

        // the participants add up to the project
        Assert.Equal(sheet.Value("yearlyNet"), sheet.Participants.Sum(p => p.Value("yearlyNet")));
    }

    [Fact]
    public void If_the_largest_supplier_leaves_the_project_falls_short_of_its_scale()
    {
        var sensitivity = FeasibilityWorksheet.Compute("t", Inputs(), Participants, Flows, Factors).LargestSupplierLeaves!;

        Assert.Equal(A, sensitivity.LeavingOrganisationId);
        Assert.False(sensitivity.Viable);
        // remaining 6000 t, short by 10000 − 6000 = 4000 t
        Assert.Equal(6_000m, sensitivity.Value("quantityPerYear"));
        Assert.Equal(4_000m, sensitivity.Value("shortfall"));
        // transport 62,698 − 22,240 = 40,458; revenue 350,000 × 6000/10000 = 210,000
        Assert.Equal(40_458m, sensitivity.Value("transportCost"));
        Assert.Equal(210_000m, sensitivity.Value("yearlyOutputRevenue"));
        // net = 660,000 + 210,000 − 400,000 − 40,458 = 429,542; payback 3,000,000 / 429,542 = 6.98
        Assert.Equal(429_542m, sensitivity.Value("yearlyNet"));
        Assert.Equal(6.98m, sensitivity.Value("paybackYears"));
        // NPV = −3,000,000 + 429,542 × 9.712248988 = 1,171,818.85
        Assert.Equal(1_171_818.85m, sensitivity.Value("netPresentValue"));
    }

    [Fact]
    public void Every_figure_names_its_formula_and_source()
    {
        var sheet = FeasibilityWorksheet.Compute("t", Inputs(), Participants, Flows, Factors);
        var all = sheet.Project.Concat(sheet.Participants.SelectMany(p => p.Figures)).Concat(sheet.LargestSupplierLeaves!.Figures).ToList();

        Assert.All(all, f => Assert.False(string.IsNullOrWhiteSpace(f.Formula), f.Key));
        Assert.All(all, f => Assert.False(string.IsNullOrWhiteSpace(f.Source), f.Key));
        Assert.Contains("test transport", sheet.Project.Single(f => f.Key == "transportCost").Source, StringComparison.Ordinal);
        Assert.Contains("food-waste", sheet.Project.Single(f => f.Key == "co2eAvoidedKg").Source, StringComparison.Ordinal);
        Assert.Contains("987302", sheet.Project.Single(f => f.Key == "paybackYears").Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_with_its_own_disposal_cost_uses_it_instead_of_the_factor()
    {
        WorksheetFlow[] flows = [new(A, 100m, 0, 60m), new(B, 100m, 0, null)];
        var sheet = FeasibilityWorksheet.Compute("t", Inputs(), Participants, flows, Factors);

        // 100 × 60 + 100 × 110 = 17,000
        Assert.Equal(17_000m, sheet.Value("avoidedDisposalCost"));
    }

    [Fact]
    public void Piped_heat_has_no_transport_term()
    {
        WorksheetFlow[] flows = [new(A, 5000m, 3, 0m)];
        var sheet = FeasibilityWorksheet.Compute("MWh", Inputs(), Participants, flows, Factors);

        Assert.Equal(0m, sheet.Value("transportCost"));
        Assert.Equal(0m, sheet.Value("transportCo2eKg"));
    }

    [Fact]
    public void A_project_that_never_pays_back_says_so()
    {
        var inputs = Inputs() with { YearlyOutputRevenue = 0m, YearlyOperatingCost = 2_000_000m };
        var sheet = FeasibilityWorksheet.Compute("t", inputs, Participants, Flows, Factors);

        Assert.Null(sheet.Value("paybackYears"));
        Assert.StartsWith("never", sheet.Project.Single(f => f.Key == "paybackYears").Formula, StringComparison.Ordinal);
        Assert.True(sheet.Value("netPresentValue") < 0);
    }

    [Fact]
    public void Inputs_out_of_range_are_reported_not_computed_silently()
    {
        var sheet = FeasibilityWorksheet.Compute("t", Inputs() with { DiscountRate = 6m, LifetimeYears = 0 }, Participants, Flows, Factors);

        Assert.Equal(2, sheet.Errors.Count);
    }
}
