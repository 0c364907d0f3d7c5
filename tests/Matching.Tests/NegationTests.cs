using Marketplace.Matching.Knowledge;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>A negated word is a term of its own: "no férrica" is not "férrica" (issue 15, languages).</summary>
public sealed class NegationTests
{
    [Theory]
    [InlineData("Non-ferrous scrap", "en", "Non_ferrous scrap")]
    [InlineData("not  contaminated", "en", "not_contaminated")]
    [InlineData("chatarra no férrica", "es", "chatarra no_férrica")]
    [InlineData("nicht gefährliche Abfälle", "de", "nicht_gefährliche Abfälle")]
    [InlineData("ikke-farligt affald", "da", "ikke_farligt affald")]
    [InlineData("rottami non ferrosi", "it", "rottami non_ferrosi")]
    [InlineData("nonne, notable, ikkeet", "en", "nonne, notable, ikkeet")] // only whole particles
    [InlineData("no 5 grade", "es", "no 5 grade")] // a particle before a number negates nothing
    [InlineData("no chloride", "en", "no chloride")] // English "no" is not a particle here
    public void A_negating_particle_is_joined_to_the_word_it_negates(string text, string language, string joined) =>
        Assert.Equal(joined, TextAnalysis.JoinNegations(text, language));

    [Fact]
    public void The_negated_word_stems_to_a_term_of_its_own()
    {
        var ferric = Assert.Single(TextAnalysis.Stems("férrica", "es"));
        Assert.DoesNotContain(ferric, TextAnalysis.Stems("chatarra no férrica", "es"));
        var ferrous = Assert.Single(TextAnalysis.Stems("ferrous", "en"));
        Assert.Contains(ferrous, TextAnalysis.Stems("ferrous scrap", "en"));
        Assert.DoesNotContain(ferrous, TextAnalysis.Stems("non-ferrous scrap", "en"));
    }

    [Theory]
    [InlineData("Chatarra no férrica de cables", "Cobre y latón de desmontaje de cables, limpio.", "es")]
    [InlineData("Non-ferrous scrap from cable stripping", "Copper and brass, clean, from our cable line.", "en")]
    [InlineData("Rottami non ferrosi da cavi", "Rame e ottone puliti dalla nostra linea cavi.", "it")]
    public void Non_ferrous_scrap_is_not_read_as_ferrous_scrap(string title, string description, string language)
    {
        var listing = Side(Listing("offer", title, description, language: language));
        Assert.Contains("non-ferrous-scrap", listing.Annotation.Groups);
        Assert.DoesNotContain("ferrous-scrap", listing.Annotation.Groups);
    }
}
