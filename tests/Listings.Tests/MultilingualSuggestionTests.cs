using System.Net;
using Marketplace.Listings.Taxonomy;

namespace Marketplace.Listings.Tests;

/// <summary>Waste-code suggestion in the six languages of knowledge/thesaurus.json.</summary>
public sealed class MultilingualSuggestionTests
{
    private static readonly EwcCatalog Catalog = EwcCatalog.LoadEmbedded();

    [Theory]
    [InlineData("Altöl", "13 02")]
    [InlineData("Altöl aus der Werkstatt", "13 02")]
    [InlineData("huiles usagées de garage", "13 02")]
    [InlineData("aceites usados", "13 02")]
    [InlineData("oli usati", "13 02")]
    [InlineData("afgewerkte olie", "13 02")]
    [InlineData("used motor oil", "13 02")]
    [InlineData("Altspeiseöl", "20 01 25")]
    [InlineData("gebruikte frituurolie", "20 01 25")]
    [InlineData("Ölabscheiderschlamm", "05 01 03")]
    [InlineData("boues de séparateur", "05 01 03")]
    public void A_term_in_any_of_the_six_languages_suggests_the_code_its_concept_cites(string query, string expectedPrefix)
    {
        var top = Catalog.Suggest(query, 3);
        Assert.NotEmpty(top);
        Assert.StartsWith(expectedPrefix, top[0].Entry.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_thesaurus_a_German_term_finds_nothing_relevant()
    {
        using var stream = typeof(EwcCatalog).Assembly.GetManifestResourceStream("ewc.json")!;
        var englishOnly = new EwcCatalog(stream);
        Assert.DoesNotContain(englishOnly.Suggest("Altöl", 3), s => s.Entry.Code.StartsWith("13 02", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_API_suggests_for_a_German_query()
    {
        await using var factory = new ListingsFactory();
        using var op = await factory.OperatorClientAsync();
        using var response = await op.GetAsync("/api/v1/taxonomy/ewc?q=" + Uri.EscapeDataString("Altöl"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = (await response.JsonAsync()).GetProperty("items")[0].GetProperty("code").GetString();
        Assert.StartsWith("13 02", first, StringComparison.Ordinal);
    }
}
