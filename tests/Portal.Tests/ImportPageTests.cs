using System.Text;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A company imports listings from a spreadsheet in the browser: downloads the template, uploads a file as Excel
/// saves it in Denmark (semicolons, decimal commas), reads the preview with the refused row explained, imports,
/// and finds the listing; a file the API cannot read says why; nothing is stored before the import.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ImportPageTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task A_company_previews_a_semicolon_file_imports_its_valid_rows_and_finds_them_listed()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("boards@demo.symbiosis.local", "/", "Dashboard");
        await checks.VisitAsync("import", "Import listings from a spreadsheet",
            () => page.GetByRole(AriaRole.Link, new() { Name = "Import from CSV" }).ClickAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Template for Excel in Denmark, Germany, France … (semicolon separated, decimal comma)" }).ClickAsync());
        var template = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("sep=;", template.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("externalRef", template, StringComparison.Ordinal);

        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = $"Offcut chipboard {tag}";
        await page.SetInputFilesAsync("#import-file", new FilePayload
        {
            Name = "flows.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"""
                sep=;
                externalRef;kind;resourceClass;title;amount;unit;per;lat;lon;country
                BRD-{tag}-1;offer;material;{title};1.250,5;t;year;55,62;12,08;DK
                BRD-{tag}-2;offer;material;Sawdust {tag};80;tonnes;year;55,62;12,08;DK
                """),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("New listings to create: 1");
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Rows refused: 1");
        var refused = page.GetByTestId("import-rows").Locator("tr", new() { HasText = $"BRD-{tag}-2" });
        await Expect(refused).ToContainTextAsync("Refused");
        await Expect(refused).ToContainTextAsync("unit");
        await checks.CheckAsync("import (preview)", 0);
        await checks.ScreenshotsAsync("portal-import-preview");

        // Nothing is stored by the preview.
        await page.GotoAsync("/listings?kind=offer&status=published");
        await Expect(page.GetByTestId("listings")).Not.ToContainTextAsync(title);
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Import the valid rows now (1)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported: 1 created, 0 updated, 0 unchanged, 1 refused.");
        await checks.CheckAsync("import (done)", 0);

        // Reloading the answer (or resubmitting) imports nothing twice.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported: 1 created, 0 updated, 0 unchanged, 1 refused.");

        await checks.VisitAsync("my listings (imported)", "My listings", () => page.GetByRole(AriaRole.Link, new() { Name = "See my listings" }).ClickAsync());
        await Expect(page.GetByTestId("listings").Locator(".card", new() { HasText = title })).ToHaveCountAsync(1);

        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync("/listings/import");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The import page scrolls sideways at 360 px.");
        await page.SetViewportSizeAsync(1280, 900);

        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "wrong.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("colour,size\nred,3\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.GetByTestId("import-problem")).ToContainTextAsync("wrong.csv could not be read");
        await Expect(page.GetByTestId("import-problem")).ToContainTextAsync("columns");
        await checks.CheckAsync("import (unreadable file)", 0);
    }
}
