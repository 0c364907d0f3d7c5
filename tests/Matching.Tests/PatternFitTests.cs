using Marketplace.Matching.Knowledge;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>What counts as evidence that a listing fits a synergy pattern, and how much.</summary>
public sealed class PatternFitTests
{
    [Fact]
    public void A_wants_sector_alone_fits_a_pattern_half_as_well_as_the_sector_with_a_word_of_the_want_pointing_to_it()
    {
        var annotator = new Annotator(Kb);
        var sectorOnly = annotator.Annotate(Listing("want", "Input for our site", "Regular deliveries needed."), "23.51")
            .Patterns.GetValueOrDefault("coal-fly-ash-to-cement")?.Value ?? 0;
        var withWord = annotator.Annotate(Listing("want", "Input for our site", "Regular deliveries of a pozzolan needed."), "23.51")
            .Patterns["coal-fly-ash-to-cement"].Value;

        Assert.InRange(sectorOnly, 0.2, 0.3);
        Assert.True(withWord > 0.75, $"{withWord}");
    }

    [Fact]
    public void A_specific_waste_code_of_another_material_in_the_same_sub_chapter_earns_little_credit()
    {
        var pattern = Kb.PatternsById["coke-breeze-coal-fines-reuse"];
        Assert.Contains(pattern.Resource.Ewc, e => e.StartsWith("10 01", StringComparison.Ordinal));
        Assert.DoesNotContain("10 01 05", pattern.Resource.Ewc);
        Assert.Contains("10 01 05", Kb.CodesListed);

        // 10 01 05 is FGD gypsum, a material other patterns list: sharing the 10 01 heading with coal fines says little
        Assert.Equal(0.1, Annotator.SubChapterCredit(pattern, "10 01 05", Kb));
        // a catch-all entry of the same heading could be anything the heading covers
        Assert.Equal(0.4, Annotator.SubChapterCredit(pattern, "10 01 99", Kb));
    }

    [Fact]
    public void Broad_thesaurus_groups_that_many_patterns_name_count_less_than_specific_ones()
    {
        var broad = Kb.GroupSpecificity.MaxBy(g => -g.Value);
        Assert.True(broad.Value < 0.6, $"{broad.Key}: {broad.Value}");
        Assert.Contains(Kb.GroupSpecificity, g => g.Value == 1.0);
        Assert.True(Kb.GroupSpecificity.GetValueOrDefault("by-product", 1.0) < 1.0);
    }

    [Fact]
    public void An_offer_naming_only_a_broad_group_fits_a_pattern_less_than_one_naming_its_specific_material()
    {
        var annotator = new Annotator(Kb);
        var broad = annotator.Annotate(Listing("offer", "By-product available", "A by-product of our plant."), null)
            .Patterns.GetValueOrDefault("fgd-gypsum-to-plasterboard")?.Value ?? 0;
        var specific = annotator.Annotate(Listing("offer", "Gypsum available", "Gypsum from our plant."), null)
            .Patterns["fgd-gypsum-to-plasterboard"].Value;

        Assert.True(specific > broad, $"{specific} vs {broad}");
    }

    [Fact]
    public void The_common_names_of_a_catch_all_waste_code_are_not_taken_as_a_patterns_resource_names()
    {
        // 02 04 99 gathers beet pulp, molasses and bagasse: the molasses pattern lists the code but is not about bagasse
        Assert.Contains("02 04 99", Kb.PatternsById["molasses-to-fermentation"].Resource.Ewc);
        Assert.DoesNotContain(Kb.PatternsById["molasses-to-fermentation"].ResourcePhrases, p => p.Text == "bagasse");
        Assert.True(KnowledgeBase.IsCatchAll("02 04 99"));
        Assert.False(KnowledgeBase.IsCatchAll("10 01 02"));
    }

    [Fact]
    public void An_offer_with_a_catch_all_code_fits_a_pattern_less_than_one_whose_text_names_the_material()
    {
        var annotator = new Annotator(Kb);
        var vague = annotator.Annotate(Listing("offer", "Residue from our sugar factory", "Available all year.", ewc: "02 04 99"), null)
            .Patterns["molasses-to-fermentation"];
        var named = annotator.Annotate(Listing("offer", "Molasses from our sugar factory", "Available all year.", ewc: "02 04 99"), null)
            .Patterns["molasses-to-fermentation"];

        Assert.True(named.Value > vague.Value + 0.1, $"{named.Value} vs {vague.Value}");
        Assert.Contains(vague.Evidence, e => e.StartsWith("has a waste code that gathers", StringComparison.Ordinal));
    }

    [Fact]
    public void A_waste_code_that_many_patterns_list_counts_less_than_one_few_list()
    {
        // 02 03 04 "materials unsuitable for consumption or processing" is listed by a score of patterns (peels,
        // pomace, cooking oil, food waste…); 10 01 02 coal fly ash by a few
        Assert.True(Kb.CodeSpecificity["02 03 04"] < 0.7, $"{Kb.CodeSpecificity["02 03 04"]}");
        Assert.True(Kb.IsBroadCode("02 03 04"));
        Assert.Equal(1.0, Kb.CodeSpecificity["10 01 02"]);
        Assert.False(Kb.IsBroadCode("10 01 02"));
    }

    [Fact]
    public void An_offer_with_a_broad_waste_code_fits_the_pattern_its_text_names_better_than_others_listing_the_code()
    {
        var annotator = new Annotator(Kb);
        var fits = annotator.Annotate(Listing("offer", "Potato peel from our crisp line", "Steam-peeled, available daily.", ewc: "02 03 04"), null).Patterns;

        // the code alone no longer lends the offer the names of every material it gathers ("food waste", "off-spec food")
        var named = fits["potato-residues-to-feed-ad"].Value;
        var codeOnly = fits.GetValueOrDefault("food-waste-to-anaerobic-digestion")?.Value ?? 0;
        Assert.True(named > codeOnly + 0.15, $"{named} vs {codeOnly}");
        Assert.True(codeOnly < 0.7, $"{codeOnly}");
    }

    [Theory]
    [InlineData("mushroom substrate", "Substrate for growing oyster mushrooms", true)]
    [InlineData("glasshouse heating", "Heating for our glasshouses", true)]
    [InlineData("mushroom substrate", "Mushrooms are grown here by a firm that has nothing to do with any of the substrate we sell", false)]
    [InlineData("fly ash", "fly", false)]
    public void A_pattern_phrase_is_found_when_its_words_stand_a_little_apart_or_in_another_order(string phrase, string text, bool expected)
    {
        var p = new Phrase(phrase, [.. TextAnalysis.Stems(phrase, "en")]);
        Assert.Equal(expected, p.OccursIn(new StemText(TextAnalysis.Stems(text, "en"))) || p.OccursNear(new StemText(TextAnalysis.Stems(text, "en"))));
    }

    [Fact]
    public void Words_apart_are_not_joined_across_the_boundary_between_a_listings_text_and_its_waste_codes_names()
    {
        var p = new Phrase("ash fly", [.. TextAnalysis.Stems("ash fly", "en")]);
        Assert.False(p.OccursNear(new StemText([.. TextAnalysis.Stems("ash", "en"), "|", .. TextAnalysis.Stems("fly", "en")])));
        Assert.True(p.OccursNear(new StemText([.. TextAnalysis.Stems("ash", "en"), .. TextAnalysis.Stems("fly", "en")])));
    }

    [Fact]
    public void A_want_whose_words_stand_apart_fits_the_pattern_less_than_one_naming_the_use_exactly_but_more_than_none()
    {
        var annotator = new Annotator(Kb);
        double Fit(string text) => annotator.Annotate(Listing("want", text), null).Patterns.GetValueOrDefault("coffee-grounds-reuse")?.Value ?? 0;

        var exact = Fit("Mushroom substrate wanted");
        var apart = Fit("Substrate wanted for growing mushrooms");
        var none = Fit("Something wanted");
        Assert.True(exact > apart && apart > none, $"{exact} > {apart} > {none}");
    }

    [Fact]
    public void A_recyclers_want_naming_only_broad_groups_does_not_fit_every_material_its_sector_recycles()
    {
        var annotator = new Annotator(Kb);
        var broad = annotator.Annotate(Listing("want", "Scrap and by-products wanted", "Secondary raw material for our plant."), "38.32")
            .Patterns.GetValueOrDefault("pet-to-recyclers")?.Value ?? 0;
        var specific = annotator.Annotate(Listing("want", "PET bottle flake wanted", "For bottle-to-bottle recycling."), "38.32")
            .Patterns["pet-to-recyclers"].Value;

        Assert.True(broad < 0.5, $"{broad}");
        Assert.True(specific > 0.7, $"{specific}");
    }

    [Fact]
    public void Two_listings_sharing_only_a_broad_concept_get_less_text_credit_than_the_thesaurus_alone_would_give()
    {
        var offer = Side(Listing("offer", "Nebenprodukt abzugeben", "Reststoff aus der Produktion.", language: "de"));
        var want = Side(Listing("want", "Co-product sought", "Any residue considered.", language: "en"));
        Assert.Contains("by-product", offer.Annotation.Groups);
        Assert.Contains("by-product", want.Annotation.Groups);

        var weighed = Matches.Scoring.TextFit(offer.Annotation, want.Annotation, Kb).Value;
        var unweighed = Matches.Scoring.TextFit(offer.Annotation, want.Annotation).Value;

        Assert.True(weighed < unweighed / 2, $"{weighed} vs {unweighed}");
    }

    [Fact]
    public void Sharing_only_a_broader_concept_gives_less_text_credit_than_sharing_the_concept_itself()
    {
        var child = Kb.Thesaurus.First(g => g.Broader.Count > 0 && Kb.GroupSpecificity.GetValueOrDefault(g.Broader[0], 1.0) == 1.0 && !Kb.GroupSpecificity.ContainsKey(g.Id));
        var broaderOnly = new Annotation("en", new StemText([]), new HashSet<string> { "b:" + child.Broader[0] }, new Dictionary<string, PatternFit>(), null, null);
        var itself = new Annotation("en", new StemText([]), new HashSet<string> { child.Id }, new Dictionary<string, PatternFit>(), null, null);

        var viaBroader = Matches.Scoring.TextFit(broaderOnly, broaderOnly, Kb).Value;
        var direct = Matches.Scoring.TextFit(itself, itself, Kb).Value;

        Assert.Equal(0.4, direct, 3);
        Assert.Equal(0.2, viaBroader, 3);
    }
}
