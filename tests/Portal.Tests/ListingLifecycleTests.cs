using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>A company edits its listing, is told what the API refuses, pauses, resumes and closes it.</summary>
[Collection(PortalCollection.Name)]
public sealed class ListingLifecycleTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task A_company_edits_pauses_resumes_and_closes_its_listing()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("cement@demo.symbiosis.local", "/listings?kind=want", "My listings");
        var card = page.Locator(".card", new() { HasText = "Pozzolan for clinker substitution" });
        await checks.VisitAsync("edit listing", "Edit a listing", () => card.GetByRole(AriaRole.Link, new() { Name = "Edit, pause or close" }).ClickAsync());

        // The API's refusal stands beside the field; nothing is saved.
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("#title-error")).ToContainTextAsync("title");
        await checks.CheckAsync("edit listing (invalid)", 0);

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Pozzolan or fly ash for clinker substitution");
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("48000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your changes are saved");
        await Expect(page.GetByLabel("Amount", new() { Exact = true })).ToHaveValueAsync("48000");
        await checks.CheckAsync("edit listing (saved)", 0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause listing" }).ClickAsync();
        await Expect(page.GetByTestId("listing-status")).ToHaveTextAsync("Paused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume listing" }).ClickAsync();
        await Expect(page.GetByTestId("listing-status")).ToHaveTextAsync("Published");

        await page.GetByLabel("Why are you closing it?").SelectOptionAsync("withdrawn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close listing" }).ClickAsync();
        await Expect(page.GetByTestId("listing-status")).ToHaveTextAsync("Closed");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToHaveCountAsync(0);
        await checks.CheckAsync("edit listing (closed)", 0);

        await checks.VisitAsync("my listings (closed)", "My listings", () => page.GotoAsync("/listings?kind=want&status=closed"));
        await Expect(page.GetByTestId("listings")).ToContainTextAsync("Pozzolan or fly ash for clinker substitution");

        // A mistyped address keeps the shell (the user stays signed in) and leads back to the dashboard.
        await checks.VisitAsync("not found", "Page not found", () => page.GotoAsync("/listings/not-a-listing/nothing"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to your dashboard" }).ClickAsync();
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync("Page not found");
    }
}
