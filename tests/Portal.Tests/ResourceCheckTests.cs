using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A company's resource check in a real browser: the flows firms like it usually have, labelled estimated with their
/// range and source; one click makes the first a draft offer at the company's site, ready to complete; again, the same draft.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ResourceCheckTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task A_company_confirms_an_estimated_flow_as_a_draft_listing()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("farm@demo.symbiosis.local", "/resource-check", "Resource check");
        var rows = page.GetByTestId("estimates").Locator("tbody tr");
        await Expect(rows.First).ToContainTextAsync("estimated");
        await Expect(page.Locator(".source")).ToContainTextAsync("Eurostat");
        var label = (await rows.First.Locator("th").InnerTextAsync()).Replace("estimated", "", StringComparison.Ordinal).Trim();
        await checks.CheckAsync("resource check", 0);
        await checks.ScreenshotsAsync("resource-check");

        await checks.VisitAsync("draft from an estimate", "Edit a listing", () => rows.First.GetByRole(AriaRole.Button).ClickAsync());
        await Expect(page.GetByTestId("confirmed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("listing-status")).ToHaveTextAsync("Draft");
        var draft = page.Url;
        Assert.StartsWith(label.Split(" (")[0], await page.GetByLabel("Title", new() { Exact = true }).InputValueAsync(), StringComparison.Ordinal);

        // The same estimate confirmed again is the same draft, not a second one.
        await page.GotoAsync("/resource-check");
        await page.GetByTestId("estimates").Locator("tbody tr").First.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("confirmed")).ToBeVisibleAsync();
        Assert.Equal(draft, page.Url);
    }
}
