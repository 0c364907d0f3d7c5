using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The operator's impact page in a real browser, from the demo deal's confirmed deliveries: totals, the SVG chart (an
/// image with a title and the same figures in a table), the "how was this calculated" panel with its factors and
/// sources, by resource class, the CSV of the shown figures and the printable report.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ImpactPageTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task The_operator_reads_the_impact_chart_and_how_it_was_calculated()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("operator@demo.symbiosis.local", "/operator/impact", "Impact");

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "CO2e avoided (t) by Month" });
        await Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.Locator("rect").CountAsync() >= 1);
        await Expect(page.GetByTestId("impact-table").Locator("tfoot")).ToContainTextAsync("Total");

        var method = page.GetByTestId("impact-method");
        await Expect(method.GetByTestId("impact-factors")).Not.ToBeVisibleAsync();
        await method.Locator("summary", new() { HasText = "How was this calculated" }).ClickAsync();
        await Expect(method.GetByTestId("impact-factors").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(method).ToContainTextAsync("0.107 kg CO2e per t·km");
        await checks.CheckAsync("impact", 0);
        await checks.ScreenshotsAsync("impact");

        await page.GetByLabel("Group by").SelectOptionAsync("resourceClass");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "CO2e avoided (t) by Resource class" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("impact-csv").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.StartsWith("resourceClass,deliveries,tonnes_diverted", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("total,", csv[^1], StringComparison.Ordinal);

        await checks.VisitAsync("impact report", "Impact report", () => page.GetByTestId("impact-report-link").ClickAsync());
        await Expect(page.GetByTestId("impact-method")).ToHaveAttributeAsync("open", "");
    }
}
