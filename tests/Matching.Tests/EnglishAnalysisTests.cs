using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>
/// English stems (<see cref="EnglishAnalysis"/>): American and British spellings meet, and the Porter stemmer no longer
/// folds a residue's name into a common word of another meaning, so a pattern term does not "occur" in a text that
/// does not name it.
/// </summary>
public sealed class EnglishAnalysisTests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    [Theory]
    [InlineData("fertilizer", "fertiliser")]
    [InlineData("fertilization", "fertilisation")]
    [InlineData("neutralized", "neutralised")]
    [InlineData("mineralization", "mineralisation")]
    [InlineData("carbonated", "carbonation")]
    [InlineData("turnings", "turnings")]
    [InlineData("heating", "heat")]
    [InlineData("recycled", "recycling")]
    [InlineData("organics", "organic")]
    [InlineData("generator", "generation")]
    public void Words_of_one_meaning_share_a_stem(string a, string b) =>
        Assert.Equal(Stem(a), Stem(b));

    [Theory]
    [InlineData("turnings", "turned")]
    [InlineData("cuttings", "cut")]
    [InlineData("pressings", "pressed")]
    [InlineData("cleanings", "clean")]
    [InlineData("tailings", "tail")]
    [InlineData("carbonation", "carbon")]
    [InlineData("calcium carbonate", "carbon")]
    [InlineData("fertilization", "fertile")]
    [InlineData("generation", "general")]
    [InlineData("generator", "generic")]
    [InlineData("bedding", "beds")]
    [InlineData("compounding", "compound")]
    [InlineData("organic", "organ")]
    public void A_residue_or_process_is_not_a_word_of_another_meaning(string a, string b) =>
        Assert.DoesNotContain(Stem(b), TextAnalysis.Stems(a, "en"));

    [Theory]
    [InlineData("Steel turnings", "Low-carbon steel turnings and swarf from our CNC shop, dry, in skips.", "12 01 01", "25.62",
        "Tar-contaminated road planings wanted", "Our licensed kiln burns the tar out of milled road layers; the heat is turned into electricity.", "38.22",
        "ferrous-scrap-to-steel")]
    [InlineData("Fermentation CO2", "Almost pure carbon dioxide vented from our yeast fermenters.", null, "10.89",
        "Carbon for our anode paste", "Smelter looking for low-ash carbon, such as calcined coke, for Soderberg anode paste.", "24.42",
        "co2-to-beverages-food")]
    public void A_want_that_merely_shares_a_stem_with_a_pattern_term_does_not_fit_it(
        string offerTitle, string offerText, string? ewc, string offerNace, string wantTitle, string wantText, string wantNace, string pattern)
    {
        var offer = Side(Listing("offer", offerTitle, offerText, ewc: ewc), offerNace);
        var want = Side(Listing("want", wantTitle, wantText), wantNace);

        var (fit, patternIds) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, NothingLearned);

        Assert.False(patternIds.Count > 0 && patternIds[0] == pattern && fit.Value > 0.4, $"[{string.Join(", ", patternIds)}] {fit.Value}: {fit.Text}");
    }

    /// <summary>
    /// Cocoa husks to a garden mulch maker: this pair had fitted only because "clean" in the want read as the grain
    /// pattern's "cleanings"; it now rests on the shells and husks pattern's mulch uses.
    /// </summary>
    [Fact]
    public void Cocoa_husks_fit_a_want_for_decorative_ground_cover()
    {
        var offer = Side(Listing("offer", "Cocoa husks", "Roasted cocoa bean shells winnowed from the nibs, dry, in big bags.", ewc: "02 03 04"), "10.82");
        var want = Side(Listing("want", "Ground cover for flower borders", "Landscaper wants an attractive natural flake for weed suppression in public planting."), "81.30");

        var (fit, patternIds) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, NothingLearned);

        Assert.True(patternIds.Count > 0 && patternIds[0] == "shells-husks-to-biomass-fuel" && fit.Value > 0.3, $"[{string.Join(", ", patternIds)}] {fit.Value}: {fit.Text}");
    }

    private static string Stem(string word) => Assert.Single(TextAnalysis.Stems(word, "en"));
}
