using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

public sealed class ScoringTests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    [Fact]
    public void Distance_within_both_reaches_decays_with_kilometres()
    {
        var near = Scoring.Distance(10, 150, null, 50)!;
        var far = Scoring.Distance(100, 150, 200, 50)!;
        Assert.Equal(1 / 1.2, near.Value, 6);
        Assert.Equal(1 / 3.0, far.Value, 6);
        Assert.Contains("150 km", far.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Distance_beyond_either_sides_reach_rules_the_pair_out()
    {
        Assert.Null(Scoring.Distance(100, 80, null, 50));
        Assert.Null(Scoring.Distance(100, null, 90, 50));
        Assert.NotNull(Scoring.Distance(100, null, null, 50));
    }

    [Fact]
    public void Road_distance_is_great_circle_times_circuity()
    {
        var copenhagen = new LocationSnapshot(55.676, 12.568, "DK", null);
        var aarhus = new LocationSnapshot(56.162, 10.203, "DK", null);
        var road = Scoring.RoadKm(copenhagen, aarhus, 1.3);
        Assert.InRange(road / 1.3, 150, 165); // great-circle Copenhagen-Aarhus is about 157 km
    }

    [Fact]
    public void Transport_cost_by_road_uses_tonne_km_factors_on_the_smaller_yearly_flow()
    {
        var offer = Listing("offer", "Fly ash", yearly: 1000);
        var want = Listing("want", "Pozzolan", yearly: 600);
        var estimate = Scoring.TransportCost(offer, want, 50, new TransportFactors())!;
        Assert.Equal("road", estimate.Mode);
        Assert.Equal(4 + (0.12 * 50), estimate.EurPerTonne, 6);
        Assert.Equal(10.0 * 600, estimate.EurPerYear, 6);
        Assert.Equal(0.107 * 50 * 600, estimate.Co2eKgPerYear, 6);
    }

    [Fact]
    public void Transport_cost_for_heat_is_by_pipe_and_unknown_for_pieces()
    {
        var heat = Scoring.TransportCost(Listing("offer", "Steam", unit: "MWh", yearly: 5000, resourceClass: "energy"),
            Listing("want", "Process heat", unit: "MWh", yearly: 5000, resourceClass: "energy"), 10, new TransportFactors())!;
        Assert.Equal("pipe", heat.Mode);
        Assert.Equal(15, heat.EurPerTonne, 6);
        Assert.Equal(0, heat.Co2eKgPerYear);
        Assert.Null(Scoring.TransportCost(Listing("offer", "Pallets", unit: "pcs"), Listing("want", "Pallets", unit: "pcs"), 10, new TransportFactors()));
    }

    [Fact]
    public void Transport_fit_prefers_cheap_hauls()
    {
        var cheap = Scoring.TransportFit(new TransportCostEstimate(100, 10, 5, "road"), "material");
        var dear = Scoring.TransportFit(new TransportCostEstimate(100, 10, 40, "road"), "material");
        Assert.True(cheap.Value > dear.Value);
        Assert.Equal(0.5, Scoring.TransportFit(null, "capacity").Value);
    }

    [Theory]
    [InlineData(1000, 500, 1.0)]
    [InlineData(250, 1000, 0.25)]
    [InlineData(50000, 1000, 0.8)]
    public void Quantity_fit_compares_yearly_rates(double offer, double want, double expected)
    {
        var fit = Scoring.QuantityFit(new QuantitySnapshot((decimal)offer, "t", "year", (decimal)offer, "t"), new QuantitySnapshot((decimal)want, "t", "year", (decimal)want, "t"));
        Assert.Equal(expected, fit.Value, 6);
    }

    [Fact]
    public void Quantity_fit_is_neutral_when_units_differ()
    {
        var fit = Scoring.QuantityFit(new QuantitySnapshot(10, "t", "year", 10, "t"), new QuantitySnapshot(10, "MWh", "year", 10, "MWh"));
        Assert.Equal(0.5, fit.Value);
    }

    [Fact]
    public void Availability_overlap_is_the_share_of_the_wants_window_covered()
    {
        Assert.Equal(1, Scoring.AvailabilityOverlap(null, null, null, null).Value);
        Assert.Equal(0, Scoring.AvailabilityOverlap(null, new DateOnly(2027, 1, 31), new DateOnly(2027, 3, 1), null).Value);
        var half = Scoring.AvailabilityOverlap(new DateOnly(2027, 7, 1), null, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
        Assert.Equal(184.0 / 365, half.Value, 6);
    }

    [Fact]
    public void Price_compatibility_compares_asking_and_offered_prices()
    {
        Assert.Equal(1, Scoring.PriceCompatibility(new PriceSnapshot(20, "EUR", "t"), new PriceSnapshot(30, "EUR", "t")).Value);
        Assert.Equal(0.5, Scoring.PriceCompatibility(new PriceSnapshot(40, "EUR", "t"), new PriceSnapshot(30, "EUR", "t")).Value, 6);
        Assert.Equal(0.5, Scoring.PriceCompatibility(new PriceSnapshot(20, "DKK", "t"), new PriceSnapshot(30, "EUR", "t")).Value);
        Assert.Equal(0.75, Scoring.PriceCompatibility(null, new PriceSnapshot(30, "EUR", "t")).Value);
    }

    [Fact]
    public void A_hazardous_offer_only_goes_to_a_want_that_accepts_hazardous_material()
    {
        var acid = Listing("offer", "Spent pickling acid", "Hydrochloric acid pickling liquor", ewc: "11 01 05", hazardous: true);
        var plain = Listing("want", "Iron chloride for coagulant", "Ferric chloride coagulant production");
        var permitted = Listing("want", "Iron chloride for coagulant", "Ferric chloride coagulant production", acceptsHazardous: true);
        Assert.False(Counterparts.HazardAllowed(acid, plain));
        Assert.True(Counterparts.HazardAllowed(acid, permitted));
        Assert.Null(Scoring.Score(Side(acid), Side(plain), Kb, NothingLearned));
        var scored = Scoring.Score(Side(acid), Side(permitted), Kb, NothingLearned)!;
        Assert.Contains(scored.Reasons, r => r.Component == "hazard");
    }

    [Fact]
    public void A_listing_never_matches_its_own_organisations_listing()
    {
        var org = Guid.NewGuid();
        var offer = Listing("offer", "Dry fly ash", "Pulverised fuel ash", organisation: org);
        var want = Listing("want", "Fly ash for cement", "Pozzolan", organisation: org);
        Assert.Null(Scoring.Score(Side(offer), Side(want), Kb, NothingLearned));
    }

    [Fact]
    public void A_pair_beyond_reach_is_not_scored()
    {
        var offer = Listing("offer", "Dry fly ash", "Pulverised fuel ash", lat: 55.6, lon: 11.1, maxKm: 20);
        var want = Listing("want", "Fly ash for cement", "Pozzolan", lat: 56.2, lon: 10.2);
        Assert.Null(Scoring.Score(Side(offer), Side(want), Kb, NothingLearned));
    }

    [Fact]
    public void Knowledge_fit_finds_the_documented_synergy_without_shared_words_and_cites_it()
    {
        var ash = Side(Listing("offer", "Boiler residue from our coal units", "Collected in the electrostatic precipitators, dry, silo storage.", ewc: "10 01 02"), "35.11");
        var kiln = Side(Listing("want", "Pozzolan for clinker substitution", "We want to lower the clinker factor of our cement."), "23.51");
        var (fit, patterns) = Scoring.KnowledgeFit(ash.Annotation, kiln.Annotation, Kb, NothingLearned);
        Assert.True(fit.Value > 0.5, fit.Text);
        Assert.Equal("coal-fly-ash-to-cement", patterns[0]);
        Assert.Contains("Chertow", fit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_semantic_pair_scores_and_an_unrelated_one_is_not_suggested()
    {
        var ash = Side(Listing("offer", "Boiler residue from our coal units", "Dry, from electrostatic precipitators.", ewc: "10 01 02"), "35.11");
        var kiln = Side(Listing("want", "Pozzolan for clinker substitution", "Lower clinker factor."), "23.51");
        var greenhouse = Side(Listing("want", "Heating for a tomato glasshouse", "Warm water for 10 ha of glass.", resourceClass: "energy", unit: "MWh"), "01.13");
        var good = Scoring.Score(ash, kiln, Kb, NothingLearned)!;
        Assert.Null(Scoring.Score(ash, greenhouse, Kb, NothingLearned)); // no semantic evidence: not suggested at all
        Assert.InRange(good.Score, 0, 1);
        Assert.Equal(
            ["evidence", "knowledge-base", "text", "classification", "distance", "transport-cost", "quantity", "availability", "price"],
            good.Reasons.Select(r => r.Component));
        Assert.Equal(good.Score, good.Reasons.Sum(r => r.Contribution), 3);
    }

    [Fact]
    public void Text_fit_is_symmetric_and_names_the_shared_terms()
    {
        var a = Side(Listing("offer", "Wood sawdust", "Dry softwood sawdust and shavings")).Annotation;
        var b = Side(Listing("want", "Sawdust for pellets", "We press sawdust into pellets")).Annotation;
        var ab = Scoring.TextFit(a, b);
        Assert.Equal(ab.Value, Scoring.TextFit(b, a).Value);
        Assert.True(ab.Value > 0);
        Assert.Contains("sawdust", ab.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Classification_fit_rewards_same_class_and_waste_code()
    {
        var offer = Listing("offer", "Fly ash", ewc: "10 01 02");
        var same = Listing("want", "Fly ash", ewc: "10 01 02");
        var other = Listing("want", "Steam", resourceClass: "energy");
        var a = Side(offer).Annotation;
        Assert.True(Scoring.ClassificationFit(offer, same, a, Side(same).Annotation, null).Value
            > Scoring.ClassificationFit(offer, other, a, Side(other).Annotation, null).Value);
    }

    [Fact]
    public void Learned_pattern_weights_raise_the_score_of_pairs_that_use_the_pattern()
    {
        var ash = Side(Listing("offer", "Boiler fly ash", "Dry, from precipitators.", ewc: "10 01 02"));
        var kiln = Side(Listing("want", "Mineral addition", "For our product."), "23.51");
        var before = Scoring.Score(ash, kiln, Kb, NothingLearned)!;
        var learned = new Dictionary<string, double> { [before.PatternIds[0]] = Learning.Max };
        var after = Scoring.Score(ash, kiln, Kb, learned)!;
        Assert.True(after.Score > before.Score, $"{after.Score} vs {before.Score}");
        Assert.Equal(Learning.Max, Learning.Next(Learning.Max, accepted: true));
        Assert.Equal(Learning.Min, Learning.Next(Learning.Min, accepted: false));
        Assert.Equal(1.1, Learning.Next(1.0, accepted: true), 6);
    }

    [Fact]
    public void Learned_term_weights_move_the_score_of_pairs_sharing_those_terms_and_no_other()
    {
        var offer = Side(Listing("offer", "Zorblax quintor", "Surplus zorblax quintor, boxed."));
        var want = Side(Listing("want", "Zorblax quintor wanted", "We buy zorblax quintor."));
        var unrelatedOffer = Side(Listing("offer", "Merplin", "Surplus merplin, boxed."));
        var unrelatedWant = Side(Listing("want", "Merplin wanted", "We buy merplin."));
        var before = Scoring.Score(offer, want, Kb, NothingLearned)!;
        Assert.Contains("st:zorblax", before.Terms);
        Assert.Empty(before.PatternIds); // only the terms can carry what is learned here

        var accepted = before.Terms.ToDictionary(t => t, _ => Learning.Next(Learning.Next(1.0, accepted: true), accepted: true));
        var after = Scoring.Score(offer, want, Kb, accepted)!;
        Assert.True(after.Score > before.Score, $"{after.Score} vs {before.Score}");
        Assert.Contains(after.Reasons, r => r.Component == "learning" && r.Text.Contains("zorblax", StringComparison.Ordinal) && r.Contribution > 0);

        var declined = before.Terms.ToDictionary(t => t, _ => Learning.Next(1.0, accepted: false));
        Assert.True(Scoring.Score(offer, want, Kb, declined)!.Score < before.Score);

        // a pair that shares none of the learned terms is untouched
        Assert.Equal(Scoring.Score(unrelatedOffer, unrelatedWant, Kb, NothingLearned)!.Score, Scoring.Score(unrelatedOffer, unrelatedWant, Kb, accepted)!.Score);
    }

    [Fact]
    public void The_knowledge_fit_picks_what_a_full_stable_sort_of_the_shared_patterns_picks()
    {
        // offers and wants written from the knowledge base's own terms, with sectors, so that many pairs share
        // several patterns and equal products (ties) occur; learned weights move some patterns
        var patterns = Kb.Patterns.Take(60).ToList();
        var offers = patterns.Where(p => p.Resource.Terms.Count > 0)
            .Select(p => Side(Listing("offer", p.Resource.Terms[0], p.Resource.Terms[^1]), p.Resource.Nace.Count > 0 ? p.Resource.Nace[0] : null)).ToList();
        var wants = patterns.Where(p => p.Use.Terms.Count > 0)
            .Select((p, i) => Side(Listing("want", p.Use.Terms[0], "for our plant"), i % 2 == 0 && p.Use.Nace.Count > 0 ? p.Use.Nace[0] : null)).ToList();
        var learned = patterns.Where((_, i) => i % 7 == 0).ToDictionary(p => p.Id, p => 1.2);
        var compared = 0;
        foreach (var offer in offers)
        {
            foreach (var want in wants)
            {
                var ranked = offer.Annotation.Patterns.Values
                    .Where(r => want.Annotation.Patterns.ContainsKey(r.PatternId))
                    .Select(r => (Id: r.PatternId, Value: Math.Min(1, r.Value * want.Annotation.Patterns[r.PatternId].Value * learned.GetValueOrDefault(r.PatternId, 1.0))))
                    .OrderByDescending(x => x.Value)
                    .ToList();
                var (fit, ids) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, learned);
                if (ranked.Count == 0 || ranked[0].Value < 0.02)
                {
                    Assert.Equal(0, fit.Value);
                    Assert.Empty(ids);
                    continue;
                }

                Assert.Equal(ranked.Where(x => x.Value >= 0.05).Take(3).Select(x => x.Id), ids);
                // the best pattern alone: fitting several patterns earns nothing more (a broad material, a generic use)
                Assert.Equal(ranked[0].Value, fit.Value, 12);
                Assert.Contains(Kb.PatternsById[ranked[0].Id].Name, fit.Text, StringComparison.Ordinal);
                compared++;
            }
        }

        Assert.True(compared > 500, $"only {compared} pairs shared a pattern");
    }
}
