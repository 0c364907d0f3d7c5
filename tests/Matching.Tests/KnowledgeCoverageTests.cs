using System.Text.Json;
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
}
