using System.Text;
using Marketplace.Listings.Taxonomy;
using Marketplace.Listings.Territory;

namespace Marketplace.Listings.Tests;

public sealed class FlowEstimatorTests
{
    private static readonly FlowCoefficients Shipped = FlowCoefficients.LoadEmbedded();
    private static readonly Guid Dairy = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Neighbour = Guid.Parse("0193a000-0000-7000-8000-000000000002");

    [Fact]
    public void A_food_company_of_40_people_gets_the_documented_range_of_food_residues()
    {
        var flows = FlowEstimator.Estimate(new(Dairy, "10.51", "DK", 40), Shipped, []);

        // knowledge/estimates.json: C10-C12 at 3 / 8 / 20 t per person employed, food residues 55 % of it
        var residues = Assert.Single(flows, f => f.Stream == "food-processing-residues");
        Assert.Equal((66, 176, 440), (residues.Low, residues.Central, residues.High));
        Assert.Equal(("C10-C12", "02", "02 03 04", "t", "estimated"), (residues.Sector, residues.Chapter, residues.ExampleCode, residues.Unit, residues.Status));
        Assert.Equal("sector default", residues.Basis);
        Assert.Contains("env_wasgen", residues.Source, StringComparison.Ordinal);
        var heat = Assert.Single(flows, f => f.ResourceClass == "energy");
        Assert.Equal(("MWh", 200, 800, 2400), (heat.Unit, heat.Low, heat.Central, heat.High));
    }

    [Fact]
    public void The_streams_of_a_sector_add_up_to_its_tonnes_per_person()
    {
        var flows = FlowEstimator.Estimate(new(Dairy, "C10", "DK", 100), Shipped, []);

        Assert.Equal(800, flows.Where(f => f.Unit == "t").Sum(f => f.Central), 6);
        Assert.Equal(300, flows.Where(f => f.Unit == "t").Sum(f => f.Low), 6);
    }

    [Fact]
    public void A_declared_offer_replaces_the_estimate_of_its_stream_only()
    {
        var declared = new[] { new DeclaredOffer("material", "02 03 04"), new DeclaredOffer("energy", null) };

        var flows = FlowEstimator.Estimate(new(Dairy, "10.51", "DK", 40), Shipped, declared);

        Assert.DoesNotContain(flows, f => f.Stream == "food-processing-residues" || f.Stream == "food-sludge" || f.Stream == "spent-grains");
        Assert.DoesNotContain(flows, f => f.ResourceClass == "energy");
        Assert.Contains(flows, f => f.Stream == "packaging");
    }

    [Fact]
    public void An_offer_of_another_chapter_or_class_leaves_the_estimate_alone()
    {
        var declared = new[] { new DeclaredOffer("material", "10 01 02"), new DeclaredOffer("water", null) };

        var flows = FlowEstimator.Estimate(new(Dairy, "10.51", "DK", 40), Shipped, declared);

        Assert.Equal(5, flows.Count);
    }

    [Theory]
    [InlineData(null, 40)]
    [InlineData("10.51", null)]
    [InlineData("10.51", 0)]
    [InlineData("zz", 40)]
    public void Without_a_sector_or_a_size_nothing_is_estimated(string? nace, int? employees) =>
        Assert.Empty(FlowEstimator.Estimate(new(Dairy, nace, "DK", employees), Shipped, []));

    [Fact]
    public void A_country_value_replaces_the_sector_default_and_says_so()
    {
        var sector = new SectorProfile("C10-C12", "Food", ["10"], new(3, 8, 20),
            [new StreamProfile("residues", "Residues", "material", "organic residues", "02", "02 03 04", "t", 1, null)]);
        var coefficients = new FlowCoefficients([sector], "test", "sector default",
            new Dictionary<string, IReadOnlyDictionary<string, PerEmployee>> { ["dk"] = new Dictionary<string, PerEmployee> { ["C10-C12"] = new(1, 2, 4) } });

        var danish = Assert.Single(FlowEstimator.Estimate(new(Dairy, "10", "DK", 10), coefficients, []));
        var german = Assert.Single(FlowEstimator.Estimate(new(Dairy, "10", "DE", 10), coefficients, []));

        Assert.Equal((10, 20, 40, FlowEstimator.CountryBasis), (danish.Low, danish.Central, danish.High, danish.Basis));
        Assert.Equal((30, 80, 200, "sector default"), (german.Low, german.Central, german.High, german.Basis));
    }

    [Fact]
    public void Nothing_estimated_reaches_a_company_that_is_not_its_subject()
    {
        var flows = FlowEstimator.Estimate(new(Dairy, "10.51", "DK", 40), Shipped, [])
            .Concat(FlowEstimator.Estimate(new(Neighbour, "35.30", "DK", 12), Shipped, [])).ToList();

        Assert.All(EstimateAccess.Visible(flows, Neighbour, viewerIsOperator: false), f => Assert.Equal(Neighbour, f.OrganisationId));
        Assert.Empty(EstimateAccess.Visible(flows, Guid.NewGuid(), viewerIsOperator: false));
        Assert.Empty(EstimateAccess.Visible(flows, null, viewerIsOperator: false));
        Assert.Equal(flows.Count, EstimateAccess.Visible(flows, null, viewerIsOperator: true).Count());
    }

    [Fact]
    public void Every_NACE_division_has_a_coefficient_and_a_stream_profile_whose_shares_sum_to_one()
    {
        Assert.Equal(88, Shipped.DivisionsCovered);
        Assert.All(Shipped.Sectors, s => Assert.Equal(1, s.Streams.Where(t => t.Unit == "t").Sum(t => t.Share ?? 0), 6));
    }

    [Fact]
    public void Every_example_code_is_an_entry_of_the_List_of_Waste_in_its_chapter()
    {
        var catalog = EwcCatalog.LoadEmbedded();
        var codes = Shipped.Sectors.SelectMany(s => s.Streams).Where(t => t.ExampleCode is not null).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, t =>
        {
            Assert.Equal(EwcCodeKind.Entry, EwcCatalog.Parse(t.ExampleCode!).Kind);
            Assert.NotNull(catalog.Find(new string([.. t.ExampleCode!.Where(char.IsAsciiDigit)])));
            Assert.StartsWith(t.Chapter!, t.ExampleCode!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_table_names_its_source_and_says_its_figures_are_sector_defaults()
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Repo.Root, "knowledge", "estimates.json")));

        Assert.Contains("env_wasgen", text, StringComparison.Ordinal);
        Assert.Contains("DOCUMENTED SECTOR DEFAULTS", text, StringComparison.Ordinal);
        Assert.Contains("2011/833/EU", text, StringComparison.Ordinal);
    }
}
