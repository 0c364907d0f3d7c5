using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The operator's company register in a real browser: register a dairy with its size and first site, see the flows
/// firms like it usually have (labelled estimated), enter a listing on its behalf, invite a person and correct its
/// profile, each step checked with axe.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorCompaniesTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task The_operator_registers_a_company_sees_its_estimates_enters_a_listing_for_it_and_invites_its_admin()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = "Holbæk Dairy " + tag;
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("operator@demo.symbiosis.local", "/operator/companies", "Companies");
        await Expect(page.GetByTestId("companies")).ToContainTextAsync("Baltic Cement Works");
        await checks.VisitAsync("register a company", "Register a company", () => page.GetByRole(AriaRole.Link, new() { Name = "Register a company" }).ClickAsync());

        // A refusal names the field and keeps what was typed.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Sector (NACE code)").FillAsync("10.51");
        await page.GetByLabel("Employees (optional)").FillAsync("-4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the company" }).ClickAsync();
        await Expect(page.Locator("#employees-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
        await checks.CheckAsync("register (refused)", 0);

        await page.GetByLabel("Employees (optional)").FillAsync("40");
        await page.GetByLabel("Site name").FillAsync("Dairy works");
        await page.GetByLabel("Latitude").FillAsync("55.717");
        await page.GetByLabel("Longitude").FillAsync("11.713");
        await checks.VisitAsync("company", name, () => page.GetByRole(AriaRole.Button, new() { Name = "Register the company" }).ClickAsync());
        await Expect(page.GetByText("The company is registered.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("company-facts")).ToContainTextAsync("10.51");
        var companyId = page.Url.Split('?')[0].Split('/')[^1];
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "The whole ledger, charges and reversals" }))
            .ToHaveAttributeAsync("href", $"/operator/billing/ledger?organisationId={companyId}");

        // Listings learns of the company through its event: its estimated streams appear, each labelled.
        var estimates = page.GetByTestId("estimates");
        for (var attempt = 0; attempt < 50 && await estimates.CountAsync() == 0; attempt++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        await Expect(estimates.Locator("tbody tr").First).ToContainTextAsync("estimated");
        await checks.CheckAsync("company (estimates)", 0);
        await checks.ScreenshotsAsync("operator-company");

        // The operator confirms a stream for the company: a draft of the company's, at its site, to complete.
        var companyPage = page.Url.Split('?')[0];
        await checks.VisitAsync("draft for the company", "Edit a listing", () => estimates.Locator("tbody tr").First.GetByRole(AriaRole.Button).ClickAsync());
        await Expect(page.GetByTestId("confirmed")).ToBeVisibleAsync();
        await page.GotoAsync(companyPage);
        await Expect(page.GetByTestId("company-listings")).ToContainTextAsync("Draft");

        // A listing entered on the company's behalf starts at its site and comes back to its page.
        await checks.VisitAsync("post for a company", "Post a listing", () => page.GetByRole(AriaRole.Link, new() { Name = "Enter a listing for this company" }).ClickAsync());
        await Expect(page.GetByTestId("on-behalf")).ToContainTextAsync(name);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Whey permeate " + tag);
        await page.GetByLabel("Description (optional)").FillAsync("Acid whey from cheese making, about 5 % lactose.");
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("300");
        await checks.VisitAsync("company (posted)", name, () => page.GetByRole(AriaRole.Button, new() { Name = "Post listing" }).ClickAsync());
        await Expect(page.GetByTestId("company-listings")).ToContainTextAsync("Whey permeate " + tag);
        await Expect(page.GetByTestId("company-listings").Locator("tr", new() { HasText = "Whey permeate " + tag })).ToContainTextAsync("Entered by the facilitator");

        await page.GetByLabel("A note on this company").FillAsync("Visited the plant: whey goes to a pig farmer today.\nCall again in March.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await Expect(page.GetByText("The note is added.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("company-notes")).ToContainTextAsync("Call again in March.");
        await Expect(page.GetByTestId("company-notes")).ToContainTextAsync("Demo operator");

        await page.GetByLabel("Their work e-mail").FillAsync($"owner-{tag}@example.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Expect(page.GetByTestId("invite-outcome")).ToContainTextAsync($"owner-{tag}@example.test");
        await checks.CheckAsync("company (invited)", 0);

        await checks.VisitAsync("company profile (operator)", name + ": profile and sites", () => page.GetByRole(AriaRole.Link, new() { Name = "Change profile and sites" }).ClickAsync());
        await page.GetByLabel("Employees (optional)").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The company's profile and sites are saved.");
        await checks.VisitAsync("company (changed)", name, () => page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync());
        await Expect(page.GetByTestId("company-facts")).ToContainTextAsync("45");
    }
}
