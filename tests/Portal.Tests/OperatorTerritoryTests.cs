using System.Text;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The operator's territories in a real browser: the demo territory listed and drawn on the map with the demo's accepted
/// exchange as a line; a boundary uploaded as a GeoJSON file (and a line refused with the API's reason); a territory's own
/// rate for a sector set and removed; a register's facility facts checked, imported, and shown on the company's page as reported.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorTerritoryTests(PortalHost host, ITestOutputHelper output)
{
    private static FilePayload Json(string name, string json) => new() { Name = name, MimeType = "application/geo+json", Buffer = Encoding.UTF8.GetBytes(json) };

    [ChromiumFact]
    public async Task The_operator_uploads_a_boundary_sets_a_rate_imports_facility_facts_and_sees_territories_and_exchanges_on_the_map()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        var name = "Test estate " + Guid.NewGuid().ToString("N")[..6];

        await session.SignInAsync("operator@demo.symbiosis.local", "/operator/territories", "Territories and facility facts");
        await Expect(page.GetByTestId("territories")).ToContainTextAsync("Kalundborg-Holbæk");
        await checks.CheckAsync("territories", 0);

        // A square in the open Atlantic: no company lies inside, so no other test's estimate changes.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Boundary file").SetInputFilesAsync(Json("estate.geojson",
            """{"type":"Polygon","coordinates":[[[-40,40],[-39,40],[-39,41],[-40,41],[-40,40]]]}"""));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the boundary" }).ClickAsync();
        await Expect(page.GetByTestId("territory-notice")).ToHaveTextAsync("The territory is saved.");
        await Expect(page.GetByTestId("territories")).ToContainTextAsync(name);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("A road");
        await page.GetByLabel("Boundary file").SetInputFilesAsync(Json("road.geojson", """{"type":"LineString","coordinates":[[10,55],[11,56]]}"""));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the boundary" }).ClickAsync();
        await Expect(page.GetByTestId("territory-notice")).ToContainTextAsync("Not saved: A boundary is an area");

        await checks.VisitAsync("territory rates", name, () => page.GetByTestId("territories").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync());
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Sector", Exact = true }).SelectOptionAsync("C10-C12");
        await page.GetByLabel("Low (t per person a year)").FillAsync("4");
        await page.GetByLabel("Central (t per person a year)").FillAsync("10");
        await page.GetByLabel("High (t per person a year)").FillAsync("30");
        await page.GetByLabel("Source of the figures").FillAsync("Regional waste survey 2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rate" }).ClickAsync();
        await Expect(page.GetByTestId("territory-notice")).ToHaveTextAsync("The territory's rate is saved.");
        var row = page.GetByTestId("rates").Locator("tbody tr", new() { HasText = "C10-C12" });
        await Expect(row).ToContainTextAsync("4 – 10 – 30 t · Regional waste survey 2024");
        await checks.CheckAsync("territory rates (set)", 0);
        await checks.ScreenshotsAsync("territory-rates");
        await page.SetViewportSizeAsync(1280, 900);
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("territory-notice")).ToContainTextAsync("removed");
        await Expect(page.GetByTestId("rates").Locator("tbody tr", new() { HasText = "C10-C12" })).Not.ToContainTextAsync("Regional waste survey");

        await page.GotoAsync(host.BaseUrl + "/operator/territories");
        await page.GetByLabel("Facility facts (CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "register.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("FacilityName,Latitude,Longitude,ReportingYear,LoWCode,TotalQuantity\nGreenLeaf Greenhouses A/S,55.72,11.72,2024,02 01 04,12\nNowhere Plant Ltd,55.7,11.7,2024,02 01 04,5\n"),
        });
        await page.GetByLabel("Source (for rows without one)").FillAsync("Test register 2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByTestId("facts-summary")).ToContainTextAsync("1 new");
        await Expect(page.GetByTestId("facts-rows")).ToContainTextAsync("no company found");
        await checks.CheckAsync("facility facts (checked)", 0);
        await checks.ScreenshotsAsync("facility-facts");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the checked rows (1)" }).ClickAsync();
        await Expect(page.GetByTestId("facts-summary")).ToContainTextAsync("Imported register.csv: 1 new");

        await checks.VisitAsync("company with reported flow", "GreenLeaf Greenhouses",
            () => page.GetByTestId("facts-rows").GetByRole(AriaRole.Link, new() { Name = "GreenLeaf Greenhouses A/S" }).ClickAsync());
        await Expect(page.GetByTestId("estimates").Locator("tbody tr", new() { HasText = "02 01 04" })).ToContainTextAsync("reported");

        await page.GotoAsync(host.BaseUrl + "/operator/map");
        await Expect(page.GetByTestId("resource-map")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.Locator("path.map-territory").First).ToBeAttachedAsync();
        await Expect(page.GetByTestId("table-territories")).ToContainTextAsync("Kalundborg-Holbæk");
        await Expect(page.GetByTestId("table-exchanges").Locator("tbody tr").First).ToContainTextAsync("spent grain", new() { IgnoreCase = true });
        await Expect(page.Locator("path.map-exchange").First).ToBeAttachedAsync();
        await checks.CheckAsync("resource map (territories, exchanges)", 0);
    }
}
