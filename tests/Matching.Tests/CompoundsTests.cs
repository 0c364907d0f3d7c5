using Marketplace.Matching.Knowledge;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>German, Dutch and Danish compounds split into the thesaurus's terms (issue 15, languages).</summary>
public sealed class CompoundsTests
{
    private static IReadOnlyList<string> Split(string word, string language, params string[] known) =>
        Compounds.Split(word, language, w => w, known.Contains);

    [Fact]
    public void A_compound_splits_into_known_parts_with_the_languages_linking_elements()
    {
        Assert.Equal(["holz", "asche"], Split("holzasche", "de", "holz", "asche"));
        Assert.Equal(["schwein", "futter"], Split("schweinefutter", "de", "schwein", "futter")); // Fugen-e
        Assert.Equal(["hout", "snippers"], Split("houtsnippers", "nl", "hout", "snippers"));
        Assert.Equal(["træ", "flis"], Split("træflis", "da", "træ", "flis"));
        Assert.Equal(["buche", "holz", "asche"], Split("buchenholzasche", "de", "buche", "holz", "asche")); // Fugen-n, three parts
    }

    [Fact]
    public void A_known_head_stands_alone_when_the_modifier_is_unknown_but_short_words_and_short_heads_do_not_split()
    {
        Assert.Equal(["asche"], Split("rindenasche", "de", "asche"));
        Assert.Empty(Split("holzkiste", "de", "holz")); // the head is what a compound is: an unknown head means no split
        Assert.Empty(Split("rapsöl", "de", "öl", "raps")); // too short to split
        Assert.Empty(Split("holzasche", "en", "holz", "asche")); // English writes compounds apart
    }

    [Fact]
    public void A_german_compound_the_thesaurus_lacks_still_names_its_concept()
    {
        var listing = Side(Listing("offer", "Buchenholzasche aus unserem Heizwerk", "Trockene Asche aus der Rostfeuerung, lose im Silo.", language: "de"));
        Assert.Contains("wood-ash", listing.Annotation.Groups);
    }

    [Fact]
    public void A_danish_listing_is_read_in_danish()
    {
        Assert.Equal("da", TextAnalysis.Detect("Vi har overskudsvarme fra vores køleanlæg og kan levere det til fjernvarmenettet hele året."));
        var want = Side(Listing("want", "Fjernvarmeværk søger overskudsvarme", "Vi køber spildvarme fra virksomheder i byen.", language: "da"));
        Assert.Contains("district-heating", want.Annotation.Groups);
        Assert.Contains("waste-heat", want.Annotation.Groups);
    }
}
