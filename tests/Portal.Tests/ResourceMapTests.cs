using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The operator's resource map in a real browser, on the demo territory (Kalundborg–Holbæk): declared and estimated
/// layers, the filters as a plain form, a hot spot's popup leading to its companies, the table view; and the time the
/// browser takes to draw 10,000 points.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ResourceMapTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task The_operator_sees_declared_and_estimated_flows_filters_to_heat_and_opens_a_company_of_a_hot_spot()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        page.PageError += (_, error) => output.WriteLine("page error: " + error);

        await session.SignInAsync("operator@demo.symbiosis.local", "/operator/map", "Resource map");
        await Expect(page.GetByTestId("resource-map")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.Locator(".leaflet-outlines-pane path").First).ToBeAttachedAsync(); // the offline country outlines
        await Expect(page.Locator(".leaflet-marker-icon").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("table-declared").Locator("caption")).ToContainTextAsync("Declared offers and wants:");
        Assert.True(await page.GetByTestId("table-declared").Locator("tbody tr").CountAsync() > 0);
        Assert.True(await page.GetByTestId("table-estimated").Locator("tbody tr").CountAsync() > 0);
        await Expect(page.GetByTestId("table-estimated").Locator("tbody tr", new() { HasText = "(low – central – high, estimated)" }).First).ToBeVisibleAsync();
        // the demo's facility facts (knowledge/demo/facility-facts.csv) replace their streams' estimates: the brewery's reported excess heat
        await Expect(page.GetByTestId("table-estimated").Locator("tbody tr", new() { HasText = "Fjord Brewery" }).Filter(new() { HasText = "Excess heat (reported)" }))
            .ToContainTextAsync("3,500 MWh a year (reported by the facility)");
        await checks.CheckAsync("resource map", 0);

        await page.GetByLabel("Resource class").SelectOptionAsync(new SelectOptionValue { Label = "Energy" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("class=energy"));
        await Expect(page.GetByTestId("resource-map")).ToHaveAttributeAsync("data-interactive", "true");
        var hotSpots = page.GetByTestId("table-hotspots").Locator("tbody tr");
        await Expect(hotSpots.First).ToContainTextAsync("low-grade heat");
        foreach (var row in await page.GetByTestId("table-estimated").Locator("tbody tr").AllAsync())
        {
            await Expect(row).ToContainTextAsync("MWh"); // heat only: every estimate left is in MWh
        }

        await checks.CheckAsync("resource map (heat)", 0);
        await checks.ScreenshotsAsync("resource-map");

        var spot = page.Locator(".map-hotspot").First;
        await spot.ClickAsync();
        var popup = page.Locator(".leaflet-popup-content");
        await Expect(popup).ToContainTextAsync("Hot spot: low-grade heat");
        var company = popup.Locator("a").First;
        var name = await company.TextContentAsync();
        await company.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/operator/companies/[0-9a-f-]{36}$"));
        output.WriteLine($"hot spot company opened: {name} at {page.Url}");
    }

    [ChromiumFact]
    public async Task A_crowded_view_comes_as_the_servers_clusters_and_zooming_into_one_asks_for_that_view()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        page.PageError += (_, error) => output.WriteLine("page error: " + error);

        // maxPoints=1 makes the demo territory as crowded as 10,000 listings make it with the default 2,000
        await session.SignInAsync("operator@demo.symbiosis.local", "/operator/map?maxPoints=1", "Resource map");
        var map = page.GetByTestId("resource-map");
        await Expect(map).ToHaveAttributeAsync("data-interactive", "true");
        var cluster = page.Locator(".map-server-cluster").Last; // layers clustered in one cell overlap; the last drawn is on top
        await Expect(cluster).ToBeVisibleAsync();
        await Expect(page.GetByTestId("table-clustered").First).ToContainTextAsync("too many to list");
        await checks.CheckAsync("resource map (server clusters)", 0);

        await cluster.ClickAsync();
        await Expect(map).ToHaveAttributeAsync("data-view", new System.Text.RegularExpressions.Regex(@"^-?\d+(\.\d+)?,")); // the view's own data came
        output.WriteLine("view asked for: " + await map.GetAttributeAsync("data-view"));
    }

    [ChromiumFact]
    public async Task Ten_thousand_points_are_drawn_and_panned_in_the_browser()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var page = session.Page;
        await session.SignInAsync("operator@demo.symbiosis.local", "/operator/map", "Resource map");
        await Expect(page.GetByTestId("resource-map")).ToHaveAttributeAsync("data-interactive", "true");

        // Spread over the demo territory like a dense region: 10,000 declared and estimated points, drawn afresh.
        var drawn = await page.EvaluateAsync<double>("""
            () => {
              const points = [];
              for (let i = 0; i < 10000; i++) {
                points.push({ k: i % 2 ? 'declared' : 'estimated', a: 55.3 + ((i * 7919) % 1000) / 1000 * 0.8,
                  o: 10.8 + ((i * 104729) % 1000) / 1000 * 1.4, t: 'Point ' + i, d: 'generated', h: '/listings' });
              }
              return window.symbiosisMap.renderAsync(points);
            }
            """);
        var panned = await page.EvaluateAsync<double>("""
            async () => {
              const map = window.symbiosisMap.map;
              const frame = () => new Promise(r => requestAnimationFrame(() => r()));
              const start = performance.now();
              for (let i = 0; i < 20; i++) { map.panBy(i % 2 ? [-150, -60] : [150, 60], { animate: false }); await frame(); }
              return (performance.now() - start) / 20;
            }
            """);
        var icons = await page.Locator(".leaflet-marker-icon").CountAsync();
        output.WriteLine($"10,000 points: drawn in {drawn:F0} ms; panning {panned:F1} ms a frame on average (20 pans); {icons} marker or cluster icons in the page");
        Assert.True(icons is > 0 and < 2000, "clustering keeps the page's markers few");
    }

    [ChromiumFact]
    public async Task A_company_user_meets_the_not_found_page_at_the_map()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        await session.SignInAsync("brewery@demo.symbiosis.local", "/operator/map", "Page not found");
        await Expect(session.Page.GetByTestId("resource-map")).ToHaveCountAsync(0);
    }
}
