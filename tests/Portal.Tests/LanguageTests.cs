using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A browser set to German gets the portal in German, numbers written the German way; the language picker in the
/// footer switches to French for the pages that follow, and sends the browser back to a page of the portal only.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class LanguageTests(PortalHost host, ITestOutputHelper output)
{
    private const string FlyAsh = "Dry fly ash from coal-fired units"; // the demo power station's 60000 t/year

    [ChromiumFact]
    public async Task A_German_browser_sees_the_portal_in_German_and_the_picker_switches_it_to_French()
    {
        await using var session = await BrowserSession.StartAsync(host, output, locale: "de-DE");
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("energy@demo.symbiosis.local", "/", "Übersicht", signOut: "Abmelden");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptmenü" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("language-de")).ToHaveAttributeAsync("aria-current", "true");

        await checks.VisitAsync("listings (de)", "Meine Inserate", () => page.GetByRole(AriaRole.Link, new() { Name = "Meine Inserate" }).ClickAsync());
        var flyAsh = page.Locator(".card", new() { HasText = FlyAsh });
        await Expect(flyAsh).ToContainTextAsync("60.000 t / Jahr");
        await Expect(flyAsh).ToContainTextAsync("Abfallschlüssel 10 01 02");
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help}")));

        await checks.VisitAsync("listings (fr)", "Mes annonces", () => page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(flyAsh).ToContainTextAsync(FrenchThousands()); // 60 000, grouped by a narrow no-break space
        await Expect(flyAsh).ToContainTextAsync("t / an");
        var culture = (await session.Context.CookiesAsync()).Single(c => c.Name == ".AspNetCore.Culture");
        Assert.Equal("c%3Dfr%7Cuic%3Dfr", culture.Value);
        Assert.True(culture.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, culture.SameSite);
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds((long)culture.Expires).Subtract(DateTimeOffset.UtcNow).TotalDays, 364, 366);

        await checks.VisitAsync("dashboard (fr)", "Tableau de bord", () => page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).ClickAsync());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await checks.ScreenshotsAsync("portal-dashboard-fr");

        // A return address off the portal is not followed: the choice still holds, the browser lands on the dashboard.
        await page.Locator("input[name=returnUrl]").EvaluateAsync("input => input.value = '//example.com/phish'");
        await checks.VisitAsync("dashboard (de again)", "Übersicht", () => page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync());
        Assert.Equal(host.BaseUrl + "/", page.Url);
    }

    [GeneratedRegex(@"60\s000 t")]
    private static partial Regex FrenchThousands();
}
