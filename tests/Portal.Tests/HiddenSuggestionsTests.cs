using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A listing's matches page shows the reciprocal list and says how many weaker possibilities it leaves out; one click
/// lists every stored suggestion, and a listing whose only candidate is crowded out says so instead of "no suggestions".
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HiddenSuggestionsTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task The_matches_page_says_what_it_leaves_out_and_shows_every_possible_partner_on_request()
    {
        var tag = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c));
        var op = await host.OperatorClientAsync();
        var maker = await OperatorPipelineTests.RegisterAsync(op, "Granule Maker " + tag);
        var offer = await ListingAsync(op, maker, "offer", $"Surplus {tag} granules", $"{tag} granules, bagged, from our line.", 55.66);
        var wants = new List<Guid>();
        for (var i = 0; i < 6; i++) // six buyers, each farther away, the last 100 km off: the offer is each one's best, but it keeps only five
        {
            var buyer = await OperatorPipelineTests.RegisterAsync(op, $"Granule Buyer {i} {tag}");
            // the far buyer also wants far less than the offer makes, so that its confidence (its score less the offer's
            // lead over it) stays well below the strong-best guard's 0.4 however rare the shared words were when it was scored
            wants.Add(await ListingAsync(op, buyer, "want", $"{tag} granules wanted", $"We buy {tag} granules.", i < 5 ? 55.68 + (i * 0.05) : 56.6, i < 5 ? 1200 : 12));

            // one at a time: the shared words are rarer for the first pairs scored (ADR 0018), so pairs scored out of
            // order could put the far buyer ahead of a near one
            await StoredAsync(op, offer, wants.Count);
        }

        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("operator@demo.symbiosis.local", $"/listings/{offer}/matches", "Matches");
        var cards = page.GetByTestId("matches").Locator("> li");
        await Expect(cards).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("matches-hidden")).ToContainTextAsync("Weaker possibilities not shown: 1.");
        await checks.CheckAsync("matches with hidden", 0);
        await checks.ScreenshotsAsync("matches-hidden");

        await page.GetByRole(AriaRole.Link, new() { Name = "Show every possible partner" }).ClickAsync();
        await Expect(page.GetByTestId("matches-view")).ToContainTextAsync("Showing every possible partner");
        await Expect(cards).ToHaveCountAsync(6);
        await checks.CheckAsync("matches, every possible partner", 0);

        await page.GotoAsync($"/listings/{wants[^1]}/matches");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("No partner yet for whom each side is among the other's best.");
        await Expect(page.GetByTestId("matches-hidden")).ToContainTextAsync("Weaker possibilities not shown: 1.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show every possible partner" }).ClickAsync();
        await Expect(cards).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the best mutual partners only" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("No partner yet");
    }

    private static async Task<Guid> ListingAsync(HttpClient op, Guid organisation, string kind, string title, string description, double lat, decimal amount = 1200)
    {
        var response = await op.PostAsJsonAsync("/api/v1/listings", new
        {
            organisationId = organisation, kind, resourceClass = "material", title, description,
            quantity = new { amount, unit = "t", per = "year" }, location = new { lat, lon = 11.1, country = "DK" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits until Matching has stored a suggestion between the offer and each want.</summary>
    private static async Task StoredAsync(HttpClient op, Guid offer, int count)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await op.GetAsync($"/api/v1/listings/{offer}/matches?view=all&limit=100");
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength() >= count)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Matching did not store {count} suggestions for the offer within 60 s.");
    }
}
