using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A person chooses how notifications reach them by e-mail (as things happen, a daily digest, never) and the choice
/// holds across visits; the notifications page reads well at phone width. (Following a notification to the suggestion
/// it is about is part of <see cref="TwoCompanyDealTests"/>.)
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class NotificationPagesTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task A_person_chooses_immediate_daily_or_no_email_and_sees_when_the_next_digest_goes()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("farm@demo.symbiosis.local", "/", "Dashboard");
        await checks.VisitAsync("notifications", "Notifications", () => page.GetByTestId("notifications-link").ClickAsync());
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync(new Regex(@"^\d+ unread$"));
        await checks.ScreenshotsAsync("portal-notifications");

        await checks.VisitAsync("notification e-mails", "Notification e-mails",
            () => page.GetByRole(AriaRole.Link, new() { Name = "Choose how you get them by e-mail" }).ClickAsync());
        await Expect(page.GetByLabel("One digest a day, at 07:00 (UTC)")).ToBeCheckedAsync(); // the default
        await Expect(page.GetByTestId("next-digest")).ToContainTextAsync("+00:00");

        await page.GetByLabel("As things happen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByTestId("settings-outcome")).ToHaveTextAsync("Your choice is saved.");
        await Expect(page.GetByLabel("As things happen")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("next-digest")).ToHaveCountAsync(0);
        await checks.CheckAsync("notification e-mails (saved)", 0);

        await page.ReloadAsync();
        await Expect(page.GetByLabel("As things happen")).ToBeCheckedAsync();
        await page.GetByLabel("Never (the notifications page only)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByLabel("Never (the notifications page only)")).ToBeCheckedAsync();
        await page.GetByLabel("One digest a day, at 07:00 (UTC)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByTestId("next-digest")).ToBeVisibleAsync();
    }
}
