using System.Net;
using System.Text.Json;
using Marketplace.Matching.Matches;

namespace Marketplace.Matching.Tests;

/// <summary>A listing's suggestions page like every other list: <c>{ items, nextCursor }</c>, best first, each match once.</summary>
public sealed class ListingMatchPagingTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    [Fact]
    public async Task A_listings_matches_page_through_with_the_cursor_best_first_each_once()
    {
        using var op = await factory.OperatorClientAsync();
        var cement = await Api.RegisterAsync(op, "Paging Cement", "23.51");
        var want = await Api.CreateListingAsync(op, cement, "want", "Pozzolan for clinker substitution", "We want to lower the clinker factor of our cement.", lat: 55.7);
        var offers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var power = await Api.RegisterAsync(op, $"Paging Power {i}", "35.11");
            offers.Add(await Api.CreateListingAsync(op, power, "offer", "Boiler fly ash from coal units", "Dry, collected in electrostatic precipitators.",
                amount: 1000 + (i * 500), ewcCode: "10 01 02", lat: 55.6 + (i * 0.05)));
        }

        // Suggestions may still arrive (a bundle of the small offers): page through until the ranked list read whole
        // before and after the walk is the same and the walk gave exactly it.
        var (all, paged, pages) = await Eventually(async () =>
        {
            var before = await Api.MatchesAsync(op, want, limit: 100);
            if (before is null || !offers.All(o => before.Any(m => m.GetProperty("listingId").GetGuid() == o)))
            {
                return null;
            }

            var (walked, count) = await PageThroughAsync(op, want);
            var after = await Api.MatchesAsync(op, want, limit: 100);
            return after!.Select(Id).SequenceEqual(before.Select(Id)) && walked.Select(Id).SequenceEqual(before.Select(Id))
                ? new Walk(before, walked, count) : null;
        });

        Assert.True(all.Count >= 5);
        Assert.Equal((all.Count + 1) / 2, pages);
        Assert.Equal(paged.Select(Score).OrderByDescending(s => s), paged.Select(Score));

        using var bad = await op.GetAsync($"/api/v1/listings/{want}/matches?limit=101&cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("limit", out _) && errors.TryGetProperty("cursor", out _), errors.ToString());
    }

    [Fact]
    public async Task The_reciprocal_list_says_how_many_suggestions_it_hides_and_view_all_lists_every_one_by_score()
    {
        using var op = await factory.OperatorClientAsync();
        var maker = await Api.RegisterAsync(op, "View Maker", null);
        var offer = await Api.CreateListingAsync(op, maker, "offer", "Surplus quintorite granules", "Quintorite granules, bagged, from our line.");
        var wants = new List<Guid>();
        for (var i = 0; i < 6; i++) // six buyers, each farther away: the offer is each one's best, but it can keep only five
        {
            var buyer = await Api.RegisterAsync(op, $"View Buyer {i}", null);
            wants.Add(await Api.CreateListingAsync(op, buyer, "want", "Quintorite granules wanted", "We buy quintorite granules.", lat: 55.62 + (i * 0.05)));
        }

        var all = await Eventually(async () =>
        {
            using var response = await op.GetAsync($"/api/v1/listings/{offer}/matches?view=all&limit=100");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null; // Matching has not learnt of the offer yet
            }

            var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
            return wants.All(w => items.Any(m => m.GetProperty("listingId").GetGuid() == w)) ? items : null;
        });
        Assert.Equal(all.Select(Score).OrderByDescending(s => s), all.Select(Score));

        using var mutual = await op.GetAsync($"/api/v1/listings/{offer}/matches?limit=100");
        var list = await mutual.ReadJsonAsync();
        var shown = list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("listingId").GetGuid()).ToList();
        // the five nearest, of which a runner-up scoring below the floor is left out (ADR 0020): a text-only fit is weak
        var scores = all.ToDictionary(m => m.GetProperty("listingId").GetGuid(), Score);
        var expected = wants.Take(5).Where((w, i) => i == 0 || scores[w] >= Reciprocity.ShownFloor).ToList();
        Assert.Equal(expected, shown);
        Assert.Equal(all.Count - expected.Count, list.GetProperty("hidden").GetInt32());

        // The far buyer's only candidate keeps five nearer buyers and a text-only fit is weak: its list is empty, says one
        // is hidden, and view=all shows it.
        var far = await (await op.GetAsync($"/api/v1/listings/{wants[5]}/matches")).ReadJsonAsync();
        Assert.Empty(far.GetProperty("items").EnumerateArray());
        Assert.Equal(1, far.GetProperty("hidden").GetInt32());
        var farAll = await (await op.GetAsync($"/api/v1/listings/{wants[5]}/matches?view=all")).ReadJsonAsync();
        Assert.Equal(offer, farAll.GetProperty("items").EnumerateArray().Single().GetProperty("listingId").GetGuid());

        using var bad = await op.GetAsync($"/api/v1/listings/{offer}/matches?view=everything");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("view", out _));
    }

    private static async Task<(List<JsonElement> Items, int Pages)> PageThroughAsync(HttpClient op, Guid want)
    {
        var (paged, pages, cursor) = (new List<JsonElement>(), 0, (string?)null);
        do
        {
            using var response = await op.GetAsync($"/api/v1/listings/{want}/matches?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            paged.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 50);

        return (paged, pages);
    }

    private sealed record Walk(List<JsonElement> All, List<JsonElement> Paged, int Pages);

    private static Guid Id(JsonElement match) => match.GetProperty("matchId").GetGuid();

    private static double Score(JsonElement match) => match.GetProperty("score").GetDouble();
}
