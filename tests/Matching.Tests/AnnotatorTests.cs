using Marketplace.Matching.Knowledge;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

public sealed class AnnotatorTests
{
    [Theory]
    [InlineData("We offer dry fly ash from our power station, available for the whole year.", "en")]
    [InlineData("Wir bieten trockene Flugasche aus dem Kraftwerk an, die für das ganze Jahr zur Verfügung steht.", "de")]
    [InlineData("Nous proposons des cendres volantes sèches de notre centrale pour toute l'année.", "fr")]
    [InlineData("Ofrecemos cenizas volantes secas de nuestra central para todo el año.", "es")]
    [InlineData("Offriamo ceneri volanti secche della nostra centrale per tutto l'anno e per il cemento.", "it")]
    [InlineData("Wij bieden droge vliegas van onze centrale aan, beschikbaar voor het hele jaar.", "nl")]
    public void The_stop_word_detector_tells_the_six_languages_apart(string text, string expected) =>
        Assert.Equal(expected, TextAnalysis.Detect(text));

    [Fact]
    public void A_declared_language_wins_over_detection() =>
        Assert.Equal("de", TextAnalysis.LanguageOf("de-AT", "the and of"));

    [Fact]
    public void Each_language_is_stemmed_by_its_own_analyzer()
    {
        Assert.Equal(TextAnalysis.Stems("ashes", "en"), TextAnalysis.Stems("ash", "en"));
        Assert.Equal(TextAnalysis.Stems("Kraftwerke", "de"), TextAnalysis.Stems("Kraftwerk", "de"));
        Assert.DoesNotContain("und", TextAnalysis.Stems("Holz und Späne", "de"));
    }

    [Theory]
    [InlineData("medium-pressure steam (15-20 bar, 200-250 C)", 250.0)]
    [InlineData("warm water at 85 °C", 85.0)]
    [InlineData("no temperature here, 15 bar", null)]
    public void Temperatures_are_read_from_the_text(string text, double? expected) =>
        Assert.Equal(expected, Annotator.TemperatureIn(text));

    [Fact]
    public void An_offer_is_annotated_with_waste_code_levels_and_the_patterns_it_can_supply()
    {
        var annotation = new Annotator(Kb).Annotate(Listing("offer", "Residue from our boilers", "Dry powder.", ewc: "10 01 02"), "35.11");
        Assert.Contains("ewc:10", annotation.Concepts);
        Assert.Contains("ewc:10 01", annotation.Concepts);
        Assert.Contains("pr:coal-fly-ash-to-cement", annotation.Concepts);
        Assert.DoesNotContain(annotation.Concepts, c => c.StartsWith("pu:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wants_sector_raises_its_fit_to_the_patterns_that_sector_receives()
    {
        var want = Listing("want", "Mineral addition", "Looking for a mineral addition for our product.");
        var annotator = new Annotator(Kb);
        var without = annotator.Annotate(want, null).Patterns.GetValueOrDefault("coal-fly-ash-to-cement")?.Value ?? 0;
        var with = annotator.Annotate(want, "23.51").Patterns["coal-fly-ash-to-cement"].Value;
        Assert.True(with > without, $"{with} vs {without}");
    }

    [Fact]
    public void Heat_too_cold_for_a_pattern_fits_it_less()
    {
        var annotator = new Annotator(Kb);
        var hot = annotator.Annotate(Listing("offer", "Surplus steam", "Process steam available", resourceClass: "energy", unit: "MWh", temperature: 200), null);
        var cold = annotator.Annotate(Listing("offer", "Surplus steam", "Process steam available", resourceClass: "energy", unit: "MWh", temperature: 30), null);
        var id = Kb.Patterns.First(p => p.MinTemperatureC >= 100).Id;
        Assert.True((hot.Patterns.GetValueOrDefault(id)?.Value ?? 0) > (cold.Patterns.GetValueOrDefault(id)?.Value ?? 0));
    }
}
