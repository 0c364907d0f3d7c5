using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The operator's billing in a real browser: two manual charges in an ended month (made through the API) are previewed
/// as drafts with their lines and totals, issued, found among the invoices and in the period's CSV; one is paid, the
/// other voided (a too-short reason refused beside the field, then a credit note); a charge and its reversal on the
/// ledger; a new fee plan version (an unknown unit refused beside its field first); a company user meets the not-found page.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BillingPagesTests(PortalHost host, ITestOutputHelper output)
{
    private static readonly Guid Cement = Guid.Parse("0199a000-0000-7000-8000-000000000102");
    private static readonly Guid Greenhouse = Guid.Parse("0199a000-0000-7000-8000-000000000104");

    [ChromiumFact]
    public async Task The_operator_previews_a_month_issues_it_and_pays_one_invoice_and_voids_the_other()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var day = DateTime.UtcNow.AddMonths(-3);
        var period = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var op = await host.OperatorClientAsync();
        foreach (var (organisation, description, amount) in new[] { (Cement, $"Feasibility study {tag}", 1200m), (Greenhouse, $"Subsidy application {tag}", 800m) })
        {
            var charged = await op.PostAsJsonAsync("/api/v1/charges", new { organisationId = organisation, description, amount, currency = "EUR", date = day.ToString("yyyy-MM-15", CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Created, charged.StatusCode);
        }

        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("operator@demo.symbiosis.local", "/operator/billing", "Billing");

        // A month that has not ended is refused beside the month, which keeps what was typed.
        var future = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.Locator("#run-period").FillAsync(future);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the invoices" }).ClickAsync();
        await Expect(page.Locator("#run-period-error")).ToContainTextAsync("has not ended");
        await Expect(page.Locator("#run-period")).ToHaveValueAsync(future);

        await page.Locator("#run-period").FillAsync(period);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the invoices" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The month is previewed");
        var drafts = page.GetByTestId("draft");
        await Expect(drafts.Filter(new() { HasText = $"Feasibility study {tag}" })).ToContainTextAsync("1,200.00 EUR");
        await Expect(drafts.Filter(new() { HasText = $"Subsidy application {tag}" })).ToContainTextAsync("800.00 EUR");
        await checks.CheckAsync("billing preview", 0);
        await checks.ScreenshotsAsync("billing-preview");
        Assert.Equal(0, await CountAsync(op, $"/api/v1/invoices?period={period}&status=issued")); // nothing numbered before "Issue"

        var issue = page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Issue these \\d+ invoice") });
        await issue.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("issued, each with its number");
        await Expect(page.GetByTestId("drafts")).ToContainTextAsync("No drafts are waiting");
        await page.ReloadAsync(); // a reload after the redirect posts nothing again
        Assert.Equal(2, await CountAsync(op, $"/api/v1/invoices?period={period}&status=issued"));
        Assert.Equal(0, await CountAsync(op, "/api/v1/invoices?status=draft"));

        // The invoices of the period, the CSV of the period.
        await page.Locator("#filter-period").FillAsync(period);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        var invoices = page.GetByTestId("invoices").Locator("tbody tr");
        await Expect(invoices).ToHaveCountAsync(2);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-link").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // Pay the cement works' invoice; its printable page comes through the portal.
        await invoices.Filter(new() { HasText = "Baltic" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Invoice ");
        await checks.CheckAsync("invoice", 0);
        var printable = await page.Context.APIRequest.GetAsync((await page.GetByTestId("print-link").GetAttributeAsync("href"))!);
        Assert.Equal(200, printable.Status);
        Assert.Contains($"Feasibility study {tag}", await printable.TextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Payment reference (bank statement)").FillAsync($"BANK-{tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as paid" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The payment is recorded.");
        await Expect(page.GetByTestId("invoice-state")).ToHaveTextAsync("Paid");

        // Void the greenhouse's: a reason too short is refused beside the field and kept; then a credit note.
        await page.GotoAsync($"/operator/billing?period={period}");
        await page.GetByTestId("invoices").Locator("tbody tr", new() { HasText = "GreenLeaf" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByLabel("Reason").FillAsync("no");
        await page.GetByRole(AriaRole.Button, new() { Name = "Void with this reason" }).ClickAsync();
        await Expect(page.Locator("#void-reason-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Reason")).ToHaveValueAsync("no");
        await checks.CheckAsync("invoice (refused void)", 0);
        await page.GetByLabel("Reason").FillAsync("Charged twice by mistake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Void with this reason" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The invoice is void");
        await page.GetByTestId("related-invoice").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Credit note CN-");
        await checks.CheckAsync("credit note", 0);
    }

    [ChromiumFact]
    public async Task The_operator_charges_a_company_on_its_ledger_and_reverses_the_charge()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("operator@demo.symbiosis.local", $"/operator/billing/ledger?organisationId={Cement}", "Ledger of Baltic Cement Works");

        await page.GetByLabel("Description").FillAsync($"Workshop {tag}");
        await page.GetByLabel("Amount").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the charge" }).ClickAsync();
        await Expect(page.Locator("#charge-amount-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Description")).ToHaveValueAsync($"Workshop {tag}");

        await page.GetByLabel("Amount").FillAsync("350.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the charge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The charge is in the ledger");
        var row = page.GetByTestId("ledger").Locator("tbody tr", new() { HasText = $"Workshop {tag}" });
        await Expect(row).ToContainTextAsync("350.50 EUR");
        await Expect(row).ToContainTextAsync("not yet billed");
        await checks.CheckAsync("ledger", 0);

        await row.GetByText("Reverse…").ClickAsync();
        await row.GetByLabel("Reason").FillAsync("Workshop cancelled");
        await row.GetByRole(AriaRole.Button, new() { Name = "Reverse with this reason" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The entry is reversed");
        await Expect(page.GetByTestId("ledger").Locator("tbody tr", new() { HasText = $"Workshop {tag}" }).First).ToContainTextAsync("reversed");
        await Expect(page.GetByTestId("ledger")).ToContainTextAsync("Workshop cancelled");
        await checks.ScreenshotsAsync("billing-ledger");

        // A new version of the first plan, in force far in the future (no other test's fees use it): a unit the API does not know is refused beside the field.
        await checks.VisitAsync("fee plans", "Fee plans", () => page.GotoAsync("/operator/billing/fee-plans"));
        var plan = page.Locator("section").First;
        var versions = await plan.GetByTestId("fee-plan").Locator("tbody tr").CountAsync();
        await plan.GetByText("Add a version…").ClickAsync();
        await plan.GetByLabel("Name").FillAsync($"Standard {tag}");
        await plan.GetByLabel("In force from").FillAsync("2099-01-01");
        await plan.GetByLabel("Per unit", new() { Exact = true }).FillAsync("2");
        await plan.GetByLabel("Unit of the per-unit fee").FillAsync("bananas");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Add this version" }).ClickAsync();
        plan = page.Locator("section").First;
        await Expect(plan.Locator("[id$='-unit-error']")).ToContainTextAsync("perUnit must be one of");
        await Expect(plan.GetByLabel("Name")).ToHaveValueAsync($"Standard {tag}");
        await checks.CheckAsync("fee plans (refused)", 0);
        await plan.GetByLabel("Unit of the per-unit fee").FillAsync("t");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Add this version" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The new version is added");
        await Expect(page.Locator("section").First.GetByTestId("fee-plan").Locator("tbody tr")).ToHaveCountAsync(versions + 1);
        await Expect(page.Locator("section").First.Locator("h2")).ToContainTextAsync($"Standard {tag}");
    }

    [ChromiumFact]
    public async Task A_company_user_gets_the_not_found_page_for_billing()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        await session.SignInAsync("brewery@demo.symbiosis.local", "/operator/billing", "Page not found");
        var response = await session.Page.GotoAsync("/operator/impact");
        Assert.Equal(404, response!.Status);
    }

    private static async Task<int> CountAsync(HttpClient op, string path) =>
        (await (await op.GetAsync(path)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
}
