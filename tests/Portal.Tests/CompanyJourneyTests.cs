using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>A company user's first visit, in a real browser against the real standalone host with the demo data.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class CompanyJourneyTests(PortalHost host, ITestOutputHelper output)
{
    private const string Email = "brewery@demo.symbiosis.local";

    [ChromiumFact]
    public async Task A_company_user_signs_in_posts_an_offer_with_a_suggested_waste_code_answers_its_matches_and_signs_out()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);

        // Any portal page sends a stranger to Identity's sign-in, which leads back to the page asked for.
        await session.SignInAsync(Email, "/listings", "My listings");
        await Expect(page.GetByTestId("company")).ToHaveTextAsync("Fjord Brewery");

        await checks.VisitAsync("dashboard", "Dashboard", () => page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync());
        await Expect(page.GetByTestId("offers")).ToHaveTextAsync("2"); // the brewery's two demo offers
        await ScreenshotAt360Async(page);

        // An invalid form: the API's message for the field stands beside it.
        await checks.VisitAsync("post a listing", "Post a listing", () => page.GetByRole(AriaRole.Link, new() { Name = "Post a listing" }).First.ClickAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Post listing" }).ClickAsync();
        await Expect(page.Locator("#title-error")).ToContainTextAsync("title");
        await Expect(page.Locator("#title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#amount-error")).ToBeVisibleAsync();
        await checks.CheckAsync("post (invalid)", 0);

        // A valid offer with a waste code chosen from the suggestions.
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Spent grain from our second brewhouse");
        await page.GetByLabel("Description (optional)").FillAsync("Wet brewers spent grain from mashing, high protein and fibre, suitable as pig feed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest codes" }).ClickAsync();
        var choices = page.GetByTestId("ewc-choices").Locator("input[type=radio]");
        await Expect(choices.First).ToBeVisibleAsync();
        await checks.CheckAsync("post (code choices)", 0);
        var offered = await choices.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        output.WriteLine("waste codes suggested: " + string.Join(", ", offered));
        Assert.All(offered.Where(c => c.Length > 0), c => Assert.Matches(WasteCode(), c));
        const string code = "02 07 04"; // materials unsuitable for consumption or processing (food and drink production)
        Assert.Contains(code, offered);
        await page.Locator($"input[name='Form.EwcCode'][value='{code}']").CheckAsync();
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("50");
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("t");
        await page.GetByLabel("Per", new() { Exact = true }).SelectOptionAsync("week");
        await checks.VisitAsync("my listings (posted)", "My listings", () => page.GetByRole(AriaRole.Button, new() { Name = "Post listing" }).ClickAsync());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your listing is posted");
        var card = page.Locator(".card", new() { HasText = "Spent grain from our second brewhouse" });
        await Expect(card).ToContainTextAsync(code);

        // Its matches: Matching learns of the listing from its event, so the list fills within moments.
        await checks.VisitAsync("matches", "Matches", () => card.GetByRole(AriaRole.Link, new() { Name = "See matches" }).ClickAsync());
        await Poll.Eventually(async () =>
        {
            if (await page.GetByTestId("matches").CountAsync() > 0)
            {
                return "";
            }

            await page.ReloadAsync();
            return null;
        }, TimeSpan.FromSeconds(60));
        var first = page.GetByTestId("matches").Locator("li").First;
        await Expect(first.GetByTestId("score")).ToHaveTextAsync(Percent());
        await Expect(first.Locator(".reasons li").First).ToHaveTextAsync(new Regex(@"\w{3,}"));
        await checks.CheckAsync("matches (filled)", 0);

        // Interest in the best suggestion: the page comes back saying so, and the card waits for the other side.
        await first.GetByRole(AriaRole.Button, new() { Name = "Interested" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your interest is recorded" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("matches").Locator("li").First).ToContainTextAsync("waiting for the other side");
        await checks.CheckAsync("matches (interest)", 0);

        // The inbox across listings: decline one suggestion with a reason.
        await checks.VisitAsync("matches inbox", "Matches", () => page.GetByRole(AriaRole.Link, new() { Name = "Matches", Exact = true }).ClickAsync());
        var open = page.GetByTestId("inbox").Locator("form.decision").First;
        var declined = await open.GetAttributeAsync("action");
        await open.Locator("summary").ClickAsync();
        await open.GetByLabel("Reason (optional, helps the matching learn)").FillAsync("Too far for our trucks");
        await open.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "declined" })).ToBeVisibleAsync();
        await Expect(page.Locator($"form[action='{declined}']")).ToHaveCountAsync(0);
        await checks.CheckAsync("matches inbox (declined)", 0);

        // The company's deals, from the navigation.
        await checks.VisitAsync("deals", "Deals", () => page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Deals", Exact = true }).ClickAsync());
        await Expect(page.GetByTestId("deals")).ToContainTextAsync("Brewers' spent grain, wet"); // the demo deal with the pig farm

        // Signing out ends the portal session and Identity's: the next visit asks for the password again.
        await checks.VisitAsync("signed out", "You are signed out", () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync());
        await checks.VisitAsync("sign-in again", "Sign in", () => page.GotoAsync("/"));

        output.WriteLine($"axe serious/critical on {checks.Visited.Count} checks: {checks.Visited.Sum(v => v.Serious)}");
    }

    private async Task ScreenshotAt360Async(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable("MARKETPLACE_ARTIFACTS_DIR") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "portal-dashboard-360.png");
        await page.SetViewportSizeAsync(360, 800);
        // Nothing may stick out sideways at phone width.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The dashboard scrolls sideways at 360 px.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        output.WriteLine($"Dashboard at 360 px: {path}");
    }

    [GeneratedRegex(@"^\d\d \d\d \d\d\*?$")]
    private static partial Regex WasteCode();

    [GeneratedRegex(@"^\d+\s?%$")]
    private static partial Regex Percent();
}
