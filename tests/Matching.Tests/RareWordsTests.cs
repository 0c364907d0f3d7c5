using System.Text.Json.Nodes;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>
/// Shared words weighed by their rarity among the indexed listings: the lexical evidence of an exchange no pattern
/// documents (bench/Matching.Quality/README.md, round nine).
/// </summary>
public sealed class RareWordsTests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    [Theory]
    [InlineData(1000, 2, 0.89, 0.91)] // only the two listings use it
    [InlineData(1000, 0, 0.89, 0.91)] // not yet visible to the reader: at least the two listings
    [InlineData(1000, 900, 0.0, 0.02)] // nearly every listing uses it
    [InlineData(1000, 1000, 0.0, 0.0)]
    [InlineData(2, 2, 0.0, 0.0)] // too few listings to tell
    public void A_words_weight_falls_with_the_share_of_listings_using_it(long documents, int docFreq, double low, double high)
    {
        var rarity = new TermRarity(documents, new Dictionary<string, int> { ["w"] = docFreq });
        Assert.InRange(rarity.Weight("w"), low, high);
        Assert.Equal(0, rarity.Weight("unknown"));
    }

    [Fact]
    public void Rare_shared_words_are_evidence_common_ones_are_not_and_the_measure_is_symmetric()
    {
        var offer = Side(Listing("offer", "Milled tar-bound road base", "PAH-contaminated granulate from motorway works, loaded to barges."));
        var want = Side(Listing("want", "Tar-bound granulate for thermal cleaning", "Our kiln burns PAH out of milled road layers delivered by barge."));
        var stems = offer.Annotation.Text.Terms.Where(want.Annotation.Text.Terms.Contains).ToList();
        Assert.Contains(Assert.Single(Knowledge.TextAnalysis.Stems("PAH", "en")), stems);

        var rare = new TermRarity(10_000, stems.ToDictionary(s => s, _ => 3));
        var common = new TermRarity(10_000, stems.ToDictionary(s => s, _ => 8_000));

        var fromRare = Scoring.RareWords(offer.Annotation, want.Annotation, rare);
        Assert.Equal(1, fromRare.Value);
        Assert.Contains("pah", fromRare.Text, StringComparison.Ordinal);
        Assert.Equal(fromRare.Value, Scoring.RareWords(want.Annotation, offer.Annotation, rare).Value);
        Assert.InRange(Scoring.RareWords(offer.Annotation, want.Annotation, common).Value, 0, 0.2);
        Assert.Equal(0, Scoring.RareWords(offer.Annotation, want.Annotation, null).Value);
    }

    [Fact]
    public void Rare_shared_words_make_a_suggestion_no_pattern_would_and_say_so()
    {
        var offer = Side(Listing("offer", "Cashew shell liquid", "Dark liquid pressed out of cashew shells at our nut factory, in drums."), "10.39");
        var want = Side(Listing("want", "Cashew nutshell liquid for our resins", "We refine raw cashew nutshell liquid into cardanol for friction dust."), "20.16");
        var stems = offer.Annotation.Text.Terms.Where(want.Annotation.Text.Terms.Contains).ToList();
        var rarity = new TermRarity(5_000, stems.ToDictionary(s => s, _ => 4));

        var without = Scoring.Score(offer, want, Kb, NothingLearned, TermRarity.None);
        var with = Scoring.Score(offer, want, Kb, NothingLearned, rarity);

        Assert.NotNull(with);
        Assert.Contains(with.Reasons, r => r.Component == "rare-words" && r.Contribution > 0 && r.Text.Contains("cashew", StringComparison.Ordinal));
        Assert.True(without is null || with.Score > without.Score, $"{without?.Score} → {with.Score}");
    }

    [Fact]
    public void Rare_words_are_no_evidence_across_resource_classes()
    {
        var verdict = Evidence.Decide(new EvidenceInput("energy", "material", null, 0, false, false, 0, false, 0) { RareWords = 1 });
        Assert.False(verdict.Suggest);
        Assert.True(Evidence.Decide(new EvidenceInput("material", "material", null, 0, false, false, 0, false, 0) { RareWords = 1 }).Suggest);
        Assert.False(Evidence.Decide(new EvidenceInput("material", "material", null, 0, false, false, 0, false, 0) { RareWords = Evidence.RareWordsFloor - 0.01 }).Suggest);
    }

    /// <summary>The Elasticsearch adapter's term vectors request, and its reading of a response of the documented shape.</summary>
    [Fact]
    public void Elasticsearch_term_statistics_are_asked_for_an_artificial_document_and_read_per_stem()
    {
        var body = ElasticsearchListingIndex.TermVectorsBody(["cashew", "liquid"]);
        Assert.Equal("cashew liquid", body["doc"]!["text"]!.GetValue<string>());
        Assert.True(body["term_statistics"]!.GetValue<bool>());
        Assert.Equal("text", Assert.Single(body["fields"]!.AsArray())!.GetValue<string>());

        var response = JsonNode.Parse("""
            {"_index":"listings","found":true,"took":1,"term_vectors":{"text":{
              "field_statistics":{"sum_doc_freq":5120,"doc_count":812,"sum_ttf":6033},
              "terms":{"cashew":{"doc_freq":3,"ttf":4,"term_freq":1},"liquid":{"doc_freq":97,"ttf":120,"term_freq":1}}}}}
            """);
        var rarity = ElasticsearchListingIndex.ReadTermRarity(response);

        Assert.Equal(812, rarity.Documents);
        Assert.Equal(3, rarity.DocFreq["cashew"]);
        Assert.Equal(97, rarity.DocFreq["liquid"]);
        Assert.True(rarity.Weight("cashew") > rarity.Weight("liquid"));
    }
}
