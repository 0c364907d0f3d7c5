using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>An admin keeps the company's profile and sites; a new site is then a place listings can start from.</summary>
[Collection(PortalCollection.Name)]
public sealed class CompanyProfileTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task An_admin_corrects_the_profile_adds_a_site_and_posts_from_it()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("greenhouse@demo.symbiosis.local", "/", "Dashboard");

        await checks.VisitAsync("company", "Your company and its sites", () => page.GetByRole(AriaRole.Link, new() { Name = "Company", Exact = true }).ClickAsync());
        await Expect(page.GetByLabel("Company name")).ToHaveValueAsync("GreenLeaf Greenhouses");
        await Expect(page.GetByTestId("site")).ToHaveCountAsync(1);

        // A VAT ID without its country prefix: the API's message stands beside the field, nothing is saved.
        await page.GetByLabel("VAT ID (optional)").FillAsync("12345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#vat-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#vat")).ToHaveAttributeAsync("aria-invalid", "true");
        await checks.CheckAsync("company (invalid)", 0);

        await page.GetByLabel("VAT ID (optional)").FillAsync("DK31415926");
        var newSite = page.GetByTestId("new-site");
        await newSite.GetByLabel("Site name").FillAsync("Packing hall");
        await newSite.GetByLabel("Latitude").FillAsync("55.7012");
        await newSite.GetByLabel("Longitude").FillAsync("11.6954");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");
        await Expect(page.GetByTestId("site")).ToHaveCountAsync(2);
        await Expect(page.GetByLabel("VAT ID (optional)")).ToHaveValueAsync("DK31415926");
        await checks.CheckAsync("company (saved)", 0);
        await checks.ScreenshotsAsync("portal-company");

        // The new site is offered on the listing form and fills in the place.
        await checks.VisitAsync("post a listing", "Post a listing", () => page.GetByRole(AriaRole.Link, new() { Name = "Post a listing" }).First.ClickAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Packing hall" }).ClickAsync();
        await Expect(page.GetByLabel("Latitude")).ToHaveValueAsync("55.7012");
        await Expect(page.GetByLabel("Longitude")).ToHaveValueAsync("11.6954");
    }
}
