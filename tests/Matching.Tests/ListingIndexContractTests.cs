using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>The behaviour every engine behind <see cref="IListingIndex"/> must show.</summary>
public abstract class ListingIndexContract
{
    protected abstract IListingIndex Index { get; }

    private static readonly Annotator Annotator = new(Kb);

    private async Task<ListingSnapshot> AddAsync(ListingSnapshot listing, string? nace = null)
    {
        await Index.UpsertAsync(SuggestionService.ToIndexed(listing, Annotator.Annotate(listing, nace)), CancellationToken.None);
        return listing;
    }

    private async Task<IReadOnlyList<Guid>> CandidatesAsync(ListingSnapshot source, string? nace = null) =>
        [.. (await Index.FindCandidatesAsync(SuggestionService.QueryFor(source, Annotator.Annotate(source, nace), 50), CancellationToken.None)).Select(h => h.Listing.ListingId)];

    protected async Task A_listing_is_found_by_the_very_next_search_after_its_upsertContract()
    {
        var offer = await AddAsync(Listing("offer", "Dry fly ash", "Pulverised fuel ash from coal units", ewc: "10 01 02"), "35.11");
        var want = Listing("want", "Pozzolan for clinker substitution", "Cement works");
        Assert.Contains(offer.ListingId, await CandidatesAsync(want, "23.51"));
    }

    protected async Task The_offer_fitting_a_pattern_ranks_above_one_sharing_only_wordsContract()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var ash = Listing("offer", $"Boiler residue {tag}", "Collected in electrostatic precipitators", ewc: "10 01 02");
        var words = Listing("offer", $"Clinker brochures {tag}", "Printed brochures about clinker substitution and cement, surplus stock");

        // written together, so both are searched on the same footing: this is about ranking, not about how soon a
        // single write is found (a just-written listing and one a reopened reader holds are scored apart)
        await Index.UpsertManyAsync(
            [SuggestionService.ToIndexed(ash, Annotator.Annotate(ash, "35.11")), SuggestionService.ToIndexed(words, Annotator.Annotate(words, "58.19"))],
            CancellationToken.None);
        var found = await CandidatesAsync(Listing("want", $"Pozzolan for clinker substitution {tag}", "We lower the clinker factor of our cement."), "23.51");
        Assert.Contains(ash.ListingId, found);
        Assert.True(found.ToList().IndexOf(ash.ListingId) < (found.Contains(words.ListingId) ? found.ToList().IndexOf(words.ListingId) : int.MaxValue));
    }

    protected async Task Own_organisation_same_kind_and_hazard_without_permit_are_filtered_outContract()
    {
        var org = Guid.NewGuid();
        var own = await AddAsync(Listing("offer", "Spent pickling acid", "Hydrochloric acid pickle liquor", ewc: "11 01 05", organisation: org));
        var hazardous = await AddAsync(Listing("offer", "Spent pickling acid", "Hydrochloric acid pickle liquor", ewc: "11 01 05", hazardous: true));
        var otherWant = await AddAsync(Listing("want", "Spent pickling acid", "Hydrochloric acid pickle liquor"));
        var found = await CandidatesAsync(Listing("want", "Spent pickling acid wanted", "Hydrochloric acid pickle liquor for ferric chloride", organisation: org));
        Assert.DoesNotContain(own.ListingId, found);
        Assert.DoesNotContain(hazardous.ListingId, found);
        Assert.DoesNotContain(otherWant.ListingId, found);
        var permitted = await CandidatesAsync(Listing("want", "Spent pickling acid wanted", "Hydrochloric acid pickle liquor for ferric chloride", acceptsHazardous: true));
        Assert.Contains(hazardous.ListingId, permitted);
    }

    protected async Task A_removed_listing_is_no_longer_foundContract()
    {
        var offer = await AddAsync(Listing("offer", "Brewers spent grain", "Wet spent grain from the mash tun", ewc: "02 07 04"), "11.05");
        var want = Listing("want", "Spent grain for cattle feed", "Dairy farm");
        Assert.Contains(offer.ListingId, await CandidatesAsync(want, "01.41"));
        await Index.RemoveAsync(offer.ListingId, CancellationToken.None);
        Assert.DoesNotContain(offer.ListingId, await CandidatesAsync(want, "01.41"));
    }

    protected async Task A_german_offer_is_found_for_an_english_want_through_the_thesaurus_and_codesContract()
    {
        var offer = await AddAsync(Listing("offer", "Trockene Flugasche aus dem Kraftwerk", "Die Flugasche wird in Silos gelagert und ist für das ganze Jahr verfügbar.", ewc: "10 01 02"), "35.11");
        Assert.Equal("de", Annotator.Annotate(offer, "35.11").Language);
        var found = await CandidatesAsync(Listing("want", "Fly ash for blended cement", "Pozzolan for clinker substitution"), "23.51");
        Assert.Contains(offer.ListingId, found);
    }

    protected async Task Term_rarity_counts_the_listings_holding_each_stemContract()
    {
        var tag = "q" + Guid.NewGuid().ToString("N")[..6];
        var listings = new[]
        {
            Listing("offer", $"Cashew shell liquid {tag}", "From our nut plant"),
            Listing("want", $"Cashew nutshell liquid wanted {tag}", "For our resin plant"),
            Listing("offer", $"Almond hulls {tag}", "From our hulling plant"),
        };
        await Index.UpsertManyAsync([.. listings.Select(l => SuggestionService.ToIndexed(l, Annotator.Annotate(l, null)))], CancellationToken.None);
        await Index.CompactAsync(CancellationToken.None);
        var cashew = Assert.Single(Knowledge.TextAnalysis.Stems("cashew", "en"));
        var almond = Assert.Single(Knowledge.TextAnalysis.Stems("almond", "en"));
        var shared = Assert.Single(Knowledge.TextAnalysis.Stems(tag, "en"));

        var rarity = await Index.TermRarityAsync([cashew, almond, shared, "zzz" + tag], CancellationToken.None);

        Assert.True(rarity.Documents >= 3, $"{rarity.Documents} documents");
        Assert.Equal(3, rarity.DocFreq[shared]);
        Assert.True(rarity.DocFreq[cashew] >= 2 && rarity.DocFreq[almond] >= 1);
        Assert.Equal(0, rarity.DocFreq.GetValueOrDefault("zzz" + tag));
    }
}

public sealed class LuceneListingIndexTests : ListingIndexContract, IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "matching-index-tests-" + Guid.NewGuid().ToString("N"));
    private readonly LuceneListingIndex index;

    public LuceneListingIndexTests() => index = new LuceneListingIndex(path);

    protected override IListingIndex Index => index;

    [Fact]
    public Task A_listing_is_found_by_the_very_next_search_after_its_upsert() => A_listing_is_found_by_the_very_next_search_after_its_upsertContract();

    [Fact]
    public Task The_offer_fitting_a_pattern_ranks_above_one_sharing_only_words() => The_offer_fitting_a_pattern_ranks_above_one_sharing_only_wordsContract();

    [Fact]
    public Task Own_organisation_same_kind_and_hazard_without_permit_are_filtered_out() => Own_organisation_same_kind_and_hazard_without_permit_are_filtered_outContract();

    [Fact]
    public Task A_removed_listing_is_no_longer_found() => A_removed_listing_is_no_longer_foundContract();

    [Fact]
    public Task A_german_offer_is_found_for_an_english_want_through_the_thesaurus_and_codes() => A_german_offer_is_found_for_an_english_want_through_the_thesaurus_and_codesContract();

    [Fact]
    public Task Term_rarity_counts_the_listings_holding_each_stem() => Term_rarity_counts_the_listings_holding_each_stemContract();

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(path, recursive: true);
    }
}

public sealed class ElasticsearchListingIndexTests : ListingIndexContract, IDisposable
{
    private readonly string name = "matching-tests-" + Guid.NewGuid().ToString("N");
    private readonly ElasticsearchListingIndex? index;

    public ElasticsearchListingIndexTests()
    {
        if (ElasticsearchServer.Url is { } url)
        {
            index = new ElasticsearchListingIndex(ElasticsearchListingIndex.CreateClient(new Search.SearchOptions { ElasticsearchUrl = new Uri(url) }), name, Kb);
        }
    }

    protected override IListingIndex Index => index ?? throw new InvalidOperationException("ELASTICSEARCH_URL is not set.");

    [ElasticsearchFact]
    public Task A_listing_is_found_by_the_very_next_search_after_its_upsert() => A_listing_is_found_by_the_very_next_search_after_its_upsertContract();

    [ElasticsearchFact]
    public Task The_offer_fitting_a_pattern_ranks_above_one_sharing_only_words() => The_offer_fitting_a_pattern_ranks_above_one_sharing_only_wordsContract();

    [ElasticsearchFact]
    public Task Own_organisation_same_kind_and_hazard_without_permit_are_filtered_out() => Own_organisation_same_kind_and_hazard_without_permit_are_filtered_outContract();

    [ElasticsearchFact]
    public Task A_removed_listing_is_no_longer_found() => A_removed_listing_is_no_longer_foundContract();

    [ElasticsearchFact]
    public Task A_german_offer_is_found_for_an_english_want_through_the_thesaurus_and_codes() => A_german_offer_is_found_for_an_english_want_through_the_thesaurus_and_codesContract();

    [ElasticsearchFact]
    public Task Term_rarity_counts_the_listings_holding_each_stem() => Term_rarity_counts_the_listings_holding_each_stemContract();

    public void Dispose()
    {
        if (index is not null && ElasticsearchServer.Url is { } url)
        {
            using var http = new HttpClient();
            http.DeleteAsync(new Uri(new Uri(url), name)).GetAwaiter().GetResult().Dispose();
            index.Dispose();
        }
    }
}

/// <summary>Runs only when ELASTICSEARCH_URL names a server; otherwise reported as skipped, saying so.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ElasticsearchFactAttribute : FactAttribute
{
    public ElasticsearchFactAttribute()
    {
        if (ElasticsearchServer.Url is null)
        {
            Skip = "Elasticsearch engine not tested: set ELASTICSEARCH_URL (e.g. http://localhost:9200) to run these against a server.";
        }
    }
}

internal static class ElasticsearchServer
{
    public static string? Url => Environment.GetEnvironmentVariable("ELASTICSEARCH_URL") is { Length: > 0 } url ? url : null;
}
