using Marketplace.Matching.Matches;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>
/// Exchanges written as firms write them in their own languages reach the pattern an English pair would: the groups
/// and patterns of round six (irrigation, brick making, glass batch, hemp-lime, chrome liquor, green-roof substrate).
/// The texts are written for these tests, not taken from the quality sets.
/// </summary>
public sealed class KnowledgeLanguageTests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    [Theory]
    [InlineData("Agua regenerada de nuestra depuradora", "Efluente terciario desinfectado, apto para riego agrícola.", null, "37.00", "es",
        "Agua para el riego de nuestros frutales", "Comunidad de regantes que necesita caudal garantizado en verano.", "01.61", "es",
        "treated-wastewater-to-irrigation", "water")]
    [InlineData("Sédiments de dragage du port", "Vases portuaires ressuyées et argileuses, analysées.", "17 05 06", "52.22", "fr",
        "Tonersatz für unsere Ziegelei", "Wir suchen einen plastischen Rohstoff als Ersatz für Grubenton.", "23.32", "de",
        "dredged-sediment-reuse", "material")]
    [InlineData("Anhydrous sodium sulphate by-product", "White crystalline salt cake from our fibre plant, 99 % pure.", null, "20.60", "en",
        "Affinante per la nostra vetreria", "Cerchiamo solfato per la miscela vetrificabile dei nostri forni.", "23.13", "it",
        "sodium-sulphate-byproduct-uses", "material")]
    [InlineData("Baños de curtido al cromo agotados", "Curtiduría de pieles: baños residuales recogidos aparte.", "04 01 04", "15.11", "es",
        "Spent chrome liquor for our recovery plant", "We precipitate chromium and return basic chromium sulphate to tanneries.", "38.32", "en",
        "chrome-tanning-liquor-recovery", "material")]
    [InlineData("Hanfschäben aus unserer Faseraufbereitung", "Entstaubte Schäben, 5-25 mm, lose oder in Ballen.", null, "13.10", "de",
        "Granulat végétal pour béton de chanvre", "Nous fabriquons des blocs isolants en chanvre-chaux.", "23.69", "fr",
        "hemp-shives-to-hempcrete", "material")]
    [InlineData("Ziegelsplitt aus Bruchziegeln", "Gebrochener Ziegelbruch ohne Mörtel, 2-12 mm.", "10 12 08", "23.32", "de",
        "Mineraal voor ons groendaksubstraat", "Wij mengen substraten voor sedumdaken en zoeken een poreuze korrel.", "20.15", "nl",
        "crushed-brick-to-green-roof-substrate", "material")]
    public void An_exchange_across_languages_reaches_its_pattern(
        string offerTitle, string offerText, string? ewc, string offerNace, string offerLanguage,
        string wantTitle, string wantText, string wantNace, string wantLanguage, string pattern, string resourceClass)
    {
        var offer = Side(Listing("offer", offerTitle, offerText, ewc: ewc, language: offerLanguage, resourceClass: resourceClass), offerNace);
        var want = Side(Listing("want", wantTitle, wantText, language: wantLanguage, resourceClass: resourceClass), wantNace);

        var (fit, patternIds) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, NothingLearned);

        Assert.Contains(pattern, patternIds);
        Assert.True(fit.Value > 0.4, $"{fit.Value}: {fit.Text}");
    }
}
