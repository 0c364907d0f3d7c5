using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The operator's pipeline in a real browser: a fresh company's suggestion with the cement works shows with both sides;
/// the operator reminds both sides with a note, filters to stalled ones, archives it; a company meets "page not found".
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorPipelineTests(PortalHost host, ITestOutputHelper output)
{
    private static readonly Guid Cement = Guid.Parse("0199a000-0000-7000-8000-000000000102");

    [ChromiumFact]
    public async Task The_operator_reminds_both_sides_of_a_suggestion_then_archives_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var op = await host.OperatorClientAsync();
        var company = await RegisterAsync(op, "Pipeline Power " + tag);
        var offer = await ListingAsync(op, company, "offer", "Dry fly ash " + tag, "Pulverised fuel ash from coal units, dry, in silos.");
        var want = await ListingAsync(op, Cement, "want", "Fly ash for cement " + tag, "Our cement works needs fly ash as a clinker substitute.");
        var matchId = await WaitForMatchAsync(op, company, offer, want);

        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        var path = $"/operator/pipeline?organisationId={company}";
        await session.SignInAsync("operator@demo.symbiosis.local", path, "Pipeline");
        await Expect(page.GetByTestId("operator-nav")).ToBeVisibleAsync();
        var card = page.Locator($"[data-match='{matchId}']");
        await Expect(card).ToContainTextAsync("Dry fly ash " + tag + " → Fly ash for cement " + tag);
        await Expect(card).ToContainTextAsync("Pipeline Power " + tag);
        await Expect(card).ToContainTextAsync("Baltic Cement");
        await Expect(card.GetByTestId("waiting")).ToContainTextAsync("both sides");
        await checks.CheckAsync("pipeline", 0);

        await card.GetByText("Remind both sides…").ClickAsync();
        await card.GetByLabel("Note to both sides (optional)").FillAsync("Could you answer by Friday?");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send the reminder" }).ClickAsync();
        await Expect(page.GetByText("Both sides were reminded.")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Last reminder");
        await checks.CheckAsync("pipeline (reminded)", 0);
        await checks.ScreenshotsAsync("operator-pipeline");
        await ReminderReachesTheCementWorksAsync(output);

        // Nothing here has waited 14 days: the stalled filter leaves it out.
        await page.GetByLabel("Only stalled ones").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("pipeline-count")).ToHaveTextAsync("0 shown, 0 of them stalled.");
        await Expect(page.Locator($"[data-match='{matchId}']")).ToHaveCountAsync(0);

        await page.GotoAsync(path);
        await card.GetByText("Archive…").ClickAsync();
        await card.GetByLabel("Why (kept with the match)").FillAsync("Duplicate of an earlier exchange");
        await card.GetByRole(AriaRole.Button, new() { Name = "Archive the suggestion" }).ClickAsync();
        await Expect(page.GetByText("The suggestion is archived")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-match='{matchId}']")).ToHaveCountAsync(0);
        var match = await (await op.GetAsync($"/api/v1/matches/{matchId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("withdrawn", match.GetProperty("status").GetString());
        Assert.Equal("Archived by the facilitator: Duplicate of an earlier exchange", match.GetProperty("declineReason").GetString());
    }

    [ChromiumFact]
    public async Task A_company_meets_page_not_found_in_the_console_and_sees_no_operator_links()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        await session.SignInAsync("brewery@demo.symbiosis.local", "/operator/pipeline", "Page not found");
        await Expect(session.Page.GetByTestId("operator-nav")).ToHaveCountAsync(0);
        var response = await session.Page.GotoAsync("/operator/companies");
        Assert.Equal(404, response!.Status);
    }

    internal static async Task<Guid> RegisterAsync(HttpClient op, string name)
    {
        var response = await op.PostAsJsonAsync("/api/v1/organisations", new
        {
            name, naceCode = "35.11", country = "DK", employees = 120,
            sites = new[] { new { name = "Works", country = "DK", lat = 55.66, lon = 11.1 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> ListingAsync(HttpClient op, Guid organisation, string kind, string title, string description)
    {
        var response = await op.PostAsJsonAsync("/api/v1/listings", new
        {
            organisationId = organisation, kind, resourceClass = "material", title, description,
            quantity = new { amount = 1200, unit = "t", per = "year" }, location = new { lat = 55.66, lon = 11.1, country = "DK" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> WaitForMatchAsync(HttpClient op, Guid company, Guid offer, Guid want)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var page = await (await op.GetAsync($"/api/v1/pipeline?organisationId={company}")).Content.ReadFromJsonAsync<JsonElement>();
            var found = page.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("offer").GetProperty("listingId").GetGuid() == offer
                && i.GetProperty("want").GetProperty("listingId").GetGuid() == want);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found.GetProperty("matchId").GetGuid();
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("No suggestion between the new company's fly ash and the cement works within 60 s.");
    }

    /// <summary>The cement works' person finds the reminder with the note among their notifications (a moment after: it goes through the bus).</summary>
    private async Task ReminderReachesTheCementWorksAsync(ITestOutputHelper log)
    {
        await using var cement = await BrowserSession.StartAsync(host, log);
        await cement.SignInAsync("cement@demo.symbiosis.local", "/notifications", "Notifications");
        var reminder = cement.Page.GetByText("The facilitator reminds you of a suggestion that waits for your answer. Could you answer by Friday?");
        for (var attempt = 0; attempt < 50 && await reminder.CountAsync() == 0; attempt++)
        {
            await Task.Delay(200);
            await cement.Page.ReloadAsync();
        }

        await Expect(reminder).ToHaveCountAsync(1);
    }
}
