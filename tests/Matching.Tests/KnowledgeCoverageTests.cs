using System.Text.Json;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>The shipped knowledge files: integrity, and patterns added from the validation work doing their job.</summary>
public sealed class KnowledgeCoverageTests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    [Fact]
    public void Every_synergy_pattern_has_a_unique_id_a_citation_and_waste_codes_from_the_list_of_waste()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "knowledge", "synergies.json")));
        var patterns = doc.RootElement.GetProperty("patterns").EnumerateArray().ToList();
        var ids = patterns.Select(p => p.GetProperty("id").GetString()!).ToList();

        Assert.True(ids.Count >= 150, $"{ids.Count} patterns");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var p in patterns)
        {
            var id = p.GetProperty("id").GetString();
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("citation").GetString()), $"{id} has no citation");
            foreach (var code in p.GetProperty("resource").GetProperty("ewc").EnumerateArray().Select(e => e.GetString()!))
            {
                Assert.True(Kb.Ewc.ContainsKey(code), $"{id} lists {code}, which is not in the List of Waste");
            }
        }
    }

    /// <summary>
    /// Pattern terms are English; a want in another language reaches a pattern's use only through a thesaurus group
    /// (issue 15, round six: 45.3 % of the use terms had a specific group before the coverage step, 89.7 % after).
    /// </summary>
    [Fact]
    public void Most_use_terms_and_every_patterns_use_side_have_a_specific_thesaurus_group_other_languages_reach()
    {
        var terms = Kb.Patterns.SelectMany(p => p.Use.Terms).ToList();
        var covered = terms.Count(term => Kb.GroupsIn(new StemText(TextAnalysis.Stems(term, "en")), "en").Any(Kb.IsSpecific));

        Assert.True(covered >= 0.85 * terms.Count, $"{covered} of {terms.Count} use terms have a specific group");
        Assert.Empty(Kb.Patterns.Where(p => !p.UseGroups.Any(Kb.IsSpecific)).Select(p => p.Id));
    }

    [Fact]
    public void Spare_kiln_co_processing_capacity_is_linked_to_a_producer_that_needs_a_route_for_spent_solvents()
    {
        var kiln = Side(Listing("offer", "Co-processing capacity at our cement works", "The kiln is permitted for waste co-incineration and has free co-processing capacity for liquids.", resourceClass: "capacity"), "23.51");
        var coatings = Side(Listing("want", "Energy recovery route for spent solvents", "Paint maker with solvent waste from cleaning its mixers seeks a permitted route other than landfill.", resourceClass: "capacity"), "20.30");

        var (fit, patternIds) = Scoring.KnowledgeFit(kiln.Annotation, coatings.Annotation, Kb, NothingLearned);

        Assert.Contains("spare-thermal-treatment-capacity-for-waste-producers", patternIds);
        Assert.True(fit.Value > 0.3, $"{fit.Value}: {fit.Text}");
    }

    [Fact]
    public void Palm_kernel_shells_reach_a_biomass_boiler_through_the_palm_oil_mill_pattern()
    {
        var mill = Side(Listing("offer", "Palm kernel shells", "Hard shells left after kernel cracking at our palm oil mill, 15% moisture.", ewc: "02 03 99"), "10.41");
        var boiler = Side(Listing("want", "Biomass fuel for our boiler", "Steam plant replacing coal with a biomass boiler fuel."), "35.30");

        var (_, patternIds) = Scoring.KnowledgeFit(mill.Annotation, boiler.Annotation, Kb, NothingLearned);

        Assert.Contains("palm-oil-mill-residues-to-energy-mulch", patternIds);
    }

    [Theory]
    [InlineData("Spent machining coolant", "Water-mixed cutting fluid drained from our CNC lathes, about 5% oil.", "12 01 09", "25.62",
        "Liquid hazardous waste for our treatment plant", "We split emulsions by ultrafiltration and recover the oil.", "38.22",
        "metalworking-fluids-to-emulsion-treatment-oil-recovery")]
    [InlineData("Used antifreeze from our workshops", "Drained engine coolant collected at our vehicle service centres.", "16 01 14", "45.20",
        "Feedstock for recycled coolant", "Our plant distils and re-inhibits glycol for coolant blending.", "20.59",
        "glycol-antifreeze-regeneration")]
    [InlineData("Collected household batteries", "Mixed alkaline and zinc-carbon cells from drop-off points.", "16 06 04", "38.11",
        "Battery feed for metal recovery", "We recover zinc and manganese by a hydrometallurgical route.", "38.32",
        "portable-batteries-to-recycling")]
    [InlineData("Sodium lignosulphonate solution", "Concentrated spent liquor from our sulphite pulping line.", null, "17.11",
        "Water-reducing admixture raw material", "We blend plasticisers for ready-mixed concrete.", "20.59",
        "lignin-lignosulphonate-uses")]
    [InlineData("Calcium chloride liquor", "Clear CaCl2 solution, about 30%, from our chemical process.", "06 03 14", "20.13",
        "Brine for winter roads", "Highway authority buying anti-icing liquid for winter service.", "52.21",
        "calcium-chloride-liquor-to-deicing-dust-control")]
    [InlineData("Shredded truck tyres", "Chips of worn truck tyres from our depot, steel partly removed.", "16 01 03", "45.20",
        "Tyre feedstock for our pyrolysis line", "We produce recovered carbon black and tyre-derived oil.", "20.13",
        "tyres-to-pyrolysis")]
    [InlineData("Cotton cutting waste", "Clean white cotton fabric offcuts from our garment cutting room.", "04 02 22", "14.13",
        "Cotton-rich feedstock for dissolving pulp", "We turn textile waste into pulp for regenerated cellulose fibres.", "17.11",
        "textiles-to-chemical-fibre-recycling")]
    [InlineData("Recovered wool wax", "Grease centrifuged from the liquor of our fleece washing line.", "04 02 10", "13.10",
        "Lanolin feedstock", "We refine lanolin and make lanolin alcohols for ointments.", "20.42",
        "wool-grease-to-lanolin")]
    public void Patterns_added_for_thinly_covered_resources_link_their_supplier_and_receiver(
        string offerTitle, string offerText, string? ewc, string offerNace, string wantTitle, string wantText, string wantNace, string pattern)
    {
        var offer = Side(Listing("offer", offerTitle, offerText, ewc: ewc), offerNace);
        var want = Side(Listing("want", wantTitle, wantText), wantNace);

        var (fit, patternIds) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, NothingLearned);

        Assert.NotEmpty(patternIds);
        Assert.Equal(pattern, patternIds[0]);
        Assert.True(fit.Value > 0.5, $"{fit.Value}: {fit.Text}");
    }

    [Theory]
    [InlineData("Spare void in our old clay pit", "Permitted restoration scheme, room for 400,000 m3 of inert fill.", "08.12",
        "Route for surplus soil", "Civil works contract producing excavated soil and stones, uncontaminated.", "42.11",
        "void-space-for-inert-soil-backfilling")]
    [InlineData("Land bank available", "Arable farm with 600 ha available for spreading under a nutrient management plan.", "01.11",
        "Sludge outlet needed", "Creamery looking for landspreading of its dewatered effluent sludge.", "10.51",
        "land-bank-for-landspreading")]
    public void Spare_void_and_land_are_offered_to_producers_needing_an_outlet_for_soil_or_sludge(
        string offerTitle, string offerText, string offerNace, string wantTitle, string wantText, string wantNace, string pattern)
    {
        var offer = Side(Listing("offer", offerTitle, offerText, resourceClass: "capacity", unit: "m3"), offerNace);
        var want = Side(Listing("want", wantTitle, wantText, resourceClass: "capacity", unit: "m3"), wantNace);

        var (fit, patternIds) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, NothingLearned);

        Assert.NotEmpty(patternIds);
        Assert.Equal(pattern, patternIds[0]);
        Assert.True(fit.Value > 0.5, $"{fit.Value}: {fit.Text}");
    }

    [Fact]
    public void High_strength_dairy_wastewater_reaches_a_neighbouring_anaerobic_digester()
    {
        var dairy = Side(Listing("offer", "Dairy wastewater", "Whey-laden wash water from our cheese plant, COD around 5,000 mg/l.", resourceClass: "water", unit: "m3"), "10.51");
        var digester = Side(Listing("want", "Substrate for our anaerobic reactor", "Our UASB plant has room for organic-rich liquid streams.", resourceClass: "water", unit: "m3"), "37.00");

        var (_, patternIds) = Scoring.KnowledgeFit(dairy.Annotation, digester.Annotation, Kb, NothingLearned);

        Assert.Contains("food-industry-wastewater-to-anaerobic-treatment", patternIds);
    }

    [Fact]
    public void A_glasshouse_grower_is_read_as_the_user_of_greenhouse_co2_and_heat_in_any_of_the_six_languages()
    {
        Assert.Contains("protected-horticulture", Side(Listing("want", "Heat for our glasshouses", "Tomato grower.")).Annotation.Groups);
        Assert.Contains("protected-horticulture", Side(Listing("want", "Wärme für unsere Gewächshäuser", "Wir bauen Tomaten im Unterglasanbau an.", language: "de")).Annotation.Groups);
        Assert.Contains("protected-horticulture", Side(Listing("want", "Warmte voor de glastuinbouw", "Wij zijn tuinders met kassen.", language: "nl")).Annotation.Groups);
        Assert.DoesNotContain("protected-horticulture", Side(Listing("want", "Cut our greenhouse gas emissions", "Lower-carbon fuel wanted.")).Annotation.Groups);
    }

    [Fact]
    public void Recovered_water_reaches_a_concrete_plant_that_asks_for_mixing_water_in_its_own_language()
    {
        var offer = Side(Listing("offer", "Recycled water from our settling ponds", "Clarified water, low in fines, all year.", resourceClass: "water", unit: "m3"), "08.12");
        var want = Side(Listing("want", "Zugabewasser für unser Betonwerk", "Wir suchen Wasser für die Betonherstellung.", resourceClass: "water", unit: "m3", language: "de"), "23.63");

        var (_, patternIds) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, NothingLearned);

        Assert.Contains("concrete-mixing-water", want.Annotation.Groups);
        Assert.Contains("recovered-water-to-concrete-mixing", patternIds);
    }
}
