using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>A suggestion needs semantic evidence; logistics only rank (issue 15, point 1).</summary>
public sealed class EvidenceTests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    private static EvidenceInput Input(string offerClass = "material", string wantClass = "material", string? patternClass = null, double pattern = 0,
        bool offerNames = true, bool wantNames = true, double thesaurus = 0, bool code = false, double text = 0) =>
        new(offerClass, wantClass, patternClass, pattern, offerNames, wantNames, thesaurus, code, text);

    [Fact]
    public void Nothing_but_logistics_is_no_evidence()
    {
        var verdict = Evidence.Decide(Input());
        Assert.False(verdict.Suggest);
        Assert.Equal("none", verdict.Kind);
    }

    [Fact]
    public void A_pattern_counts_from_its_floor_when_both_sides_fit_it_by_what_they_are()
    {
        Assert.True(Evidence.Decide(Input(patternClass: "material", pattern: Evidence.PatternFloor)).Suggest);
        Assert.False(Evidence.Decide(Input(patternClass: "material", pattern: Evidence.PatternFloor - 0.01)).Suggest);
        Assert.False(Evidence.Decide(Input(patternClass: "material", pattern: 0.9, wantNames: false)).Suggest); // the want's sector alone
        Assert.False(Evidence.Decide(Input(patternClass: "material", pattern: 0.9, offerNames: false)).Suggest);
    }

    [Fact]
    public void Classes_pair_across_only_through_a_pattern_of_one_of_them()
    {
        Assert.True(Evidence.Decide(Input("capacity", "material", "capacity", 0.6)).Suggest);
        Assert.False(Evidence.Decide(Input("energy", "material", "water", 0.6)).Suggest);
        Assert.False(Evidence.Decide(Input("energy", "material", thesaurus: 1, text: 1, code: true)).Suggest);
    }

    [Fact]
    public void Within_a_class_a_specific_concept_the_same_waste_code_or_strong_text_similarity_count()
    {
        Assert.Equal("thesaurus", Evidence.Decide(Input(thesaurus: Evidence.ThesaurusFloor)).Kind);
        Assert.False(Evidence.Decide(Input(thesaurus: Evidence.ThesaurusFloor - 0.01)).Suggest);
        Assert.Equal("waste code", Evidence.Decide(Input(code: true)).Kind);
        Assert.Equal("text", Evidence.Decide(Input(text: Evidence.TextFloor)).Kind);
        Assert.False(Evidence.Decide(Input(text: Evidence.TextFloor - 0.01)).Suggest);
    }

    [Fact]
    public void A_pig_feed_want_is_not_offered_fly_ash_next_door()
    {
        var ash = Side(Listing("offer", "Dry fly ash from our coal-fired boilers", "Silo-stored pulverised fuel ash, loaded into tankers.", ewc: "10 01 02", yearly: 20000), "35.11");
        var feed = Side(Listing("want", "Liquid feed ingredients for our pig finishing unit", "Energy and protein co-products for wet feeding of 5,000 finishers.", yearly: 20000), "01.46");
        Assert.Null(Scoring.Score(ash, feed, Kb, NothingLearned));
    }

    [Fact]
    public void A_fly_ash_want_is_not_offered_steam_nor_quoted_a_pipeline()
    {
        var steam = Side(Listing("offer", "Surplus process steam", "12 bar steam from our CHP, available all year.", unit: "MWh", yearly: 50000, resourceClass: "energy"), "35.30");
        var ash = Side(Listing("want", "Fly ash for blended cement", "Pozzolanic ash to replace part of the clinker in CEM II.", yearly: 20000), "23.51");
        Assert.Null(Scoring.Score(steam, ash, Kb, NothingLearned));
        Assert.Null(Scoring.TransportCost(steam.Listing, ash.Listing, 10, new TransportFactors()));
    }

    [Fact]
    public void A_documented_exchange_still_pairs_and_says_on_what()
    {
        var ash = Side(Listing("offer", "Dry fly ash from our coal-fired boilers", "Silo-stored pulverised fuel ash, loaded into tankers.", ewc: "10 01 02", yearly: 20000), "35.11");
        var cement = Side(Listing("want", "Fly ash for blended cement", "Pozzolanic ash to replace part of the clinker in CEM II.", yearly: 20000), "23.51");
        var pair = Scoring.Score(ash, cement, Kb, NothingLearned);
        Assert.NotNull(pair);
        Assert.Equal("evidence", pair.Reasons[0].Component);
        Assert.Contains("Semantic evidence", pair.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fit_by_waste_code_alone_needs_something_in_common_between_the_two_texts()
    {
        var byCode = Input(patternClass: "material", pattern: 0.8) with { };
        Assert.True(Evidence.Decide(byCode).Suggest); // the offer's own words name the resource (the default)
        Assert.False(Evidence.Decide(byCode with { OfferOwnWords = false }).Suggest);
        Assert.False(Evidence.Decide(byCode with { OfferOwnWords = false, TextSimilarity = 0.3 }).Suggest); // "scrap", "plant"
        Assert.True(Evidence.Decide(byCode with { OfferOwnWords = false, SharedSpecificConcept = true }).Suggest);
        Assert.False(Evidence.Decide(byCode with { OfferOwnWords = false, Thesaurus = 0.1 }).Suggest); // "scrap", "metals"
        Assert.True(Evidence.Decide(byCode with { OfferOwnWords = false, RareWords = Evidence.LinkRareWords }).Suggest);
        Assert.False(Evidence.Decide(byCode with { OfferOwnWords = false, RareWords = Evidence.LinkRareWords - 0.01 }).Suggest);
    }

    [Fact]
    public void Tantalum_capacitors_under_a_shared_waste_code_are_not_offered_to_a_copper_smelter()
    {
        // 16 02 16 (components removed from discarded equipment) gathers boards, cable, capacitors and magnets
        var smelter = Side(Listing("want", "Copper-bearing scrap for a secondary smelter", "Secondary copper smelter seeks cable, PCB and mixed copper scrap.", yearly: 5000), "24.44");
        var capacitors = Side(Listing("offer", "Tantalum capacitor production rejects", "Off-spec tantalum capacitors and anode pellets from a component plant.", ewc: "16 02 16", yearly: 3), "26.11");
        var cable = Side(Listing("offer", "Insulated copper cable offcuts", "Offcuts from our electrical installation jobs, sorted by size.", ewc: "16 02 16", yearly: 40), "43.21");
        Assert.False(Scoring.OwnWordsName(capacitors.Annotation, Kb.PatternsById["copper-scrap-to-refiners"], Kb));
        Assert.Null(Scoring.Score(capacitors, smelter, Kb, NothingLearned));
        Assert.True(Scoring.OwnWordsName(cable.Annotation, Kb.PatternsById["copper-scrap-to-refiners"], Kb));
        Assert.NotNull(Scoring.Score(cable, smelter, Kb, NothingLearned));
    }

    [Fact]
    public void The_offer_s_own_words_are_its_text_and_the_pattern_s_own_terms()
    {
        var ash = Side(Listing("offer", "Boiler residue", "Dry, from precipitators.", ewc: "10 01 02"), "35.11");
        var brass = Side(Listing("offer", "Brass scrap from valve machining", "Dry, sorted, in bins.", ewc: "12 01 03"), "28.14");
        Assert.False(Scoring.OwnWordsName(ash.Annotation, Kb.PatternsById["coal-fly-ash-to-cement"], Kb)); // the code's "fly ash" is not its text
        Assert.True(Scoring.OwnWordsName(brass.Annotation, Kb.PatternsById["copper-scrap-to-refiners"], Kb)); // "brass scrap": its own term
        Assert.False(Scoring.OwnWordsName(brass.Annotation, Kb.PatternsById["stainless-alloy-scrap"], Kb)); // 12 01 03 lends that pattern "brass turnings"
    }
}
