using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A company admin runs its people in the browser: a refused invitation explains itself beside the field, an invitation
/// is sent, sent again and withdrawn, an invited person joins by the mailed link, changes role and is removed, and the
/// company's only admin is told why they cannot step down.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MembersPageTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task An_admin_invites_resends_withdraws_promotes_demotes_and_removes_and_keeps_an_admin()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("farm@demo.symbiosis.local", "/", "Dashboard");
        await checks.VisitAsync("people", "People in your company", () => page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync());
        await Expect(page.GetByTestId("members")).ToContainTextAsync("farm@demo.symbiosis.local");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Some fields need another look");
        await Expect(page.Locator("#invite-email-error")).Not.ToBeEmptyAsync();
        await checks.CheckAsync("people (invalid)", 0);

        // Invited, sent again (still one open invitation), withdrawn.
        var tag = Guid.NewGuid().ToString("N")[..6];
        var leaving = $"temp-{tag}@example.test";
        await InviteAsync(page, leaving, "Member: listings, suggestions and deals");
        var invitations = page.GetByTestId("invitations");
        await invitations.GetByRole(AriaRole.Button, new() { Name = $"Send again to {leaving}" }).ClickAsync();
        await Expect(page.GetByTestId("member-outcome")).ToContainTextAsync($"A new link is on its way to {leaving}");
        await Expect(invitations.Locator(".card", new() { HasText = leaving })).ToHaveCountAsync(1);
        await invitations.GetByRole(AriaRole.Button, new() { Name = $"Withdraw to {leaving}" }).ClickAsync();
        await Expect(page.GetByTestId("member-outcome")).ToContainTextAsync($"The invitation to {leaving} is withdrawn");
        await Expect(page.GetByTestId("invitations")).Not.ToContainTextAsync(leaving);

        // A new admin joins by the link in the mail, becomes a member, and is removed after a second look.
        var joining = $"buyer-{tag}@example.test";
        await InviteAsync(page, joining, "Admin: also people, API clients and the company profile");
        await checks.CheckAsync("people (invited)", 0);
        await checks.ScreenshotsAsync("portal-people-invited");
        var link = await MailOutbox.LinkAsync(host.DataDir, joining, "/account/accept-invitation");
        var name = "Buyer " + tag;
        var other = await session.Context.Browser!.NewPageAsync();
        await other.GotoAsync(link);
        await other.GetByLabel("Your name").FillAsync(name);
        await other.GetByLabel("Choose a password").FillAsync(BrowserSession.Password);
        await other.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
        await other.CloseAsync();

        await page.ReloadAsync();
        var card = page.GetByTestId("members").Locator(".card", new() { HasText = joining });
        await Expect(card).ToContainTextAsync("admin");
        await Expect(page.GetByTestId("invitations")).Not.ToContainTextAsync(joining);
        await card.GetByRole(AriaRole.Button, new() { Name = $"Make member {name}" }).ClickAsync();
        await Expect(page.GetByTestId("member-outcome")).ToContainTextAsync($"{name} is now a member");
        card = page.GetByTestId("members").Locator(".card", new() { HasText = joining });
        await card.Locator("summary").ClickAsync();
        await checks.CheckAsync("people (remove asked)", 0);
        await card.GetByRole(AriaRole.Button, new() { Name = $"Remove {name}" }).ClickAsync();
        await Expect(page.GetByTestId("member-outcome")).ToContainTextAsync($"{name} is removed from your company");
        await Expect(page.GetByTestId("members")).Not.ToContainTextAsync(joining);

        // The only admin is told why they cannot step down or leave, and offered neither (the API refuses it too: MemberTests).
        var mine = page.GetByTestId("members").Locator(".card", new() { HasText = "farm@demo.symbiosis.local" });
        await Expect(mine.GetByTestId("last-admin")).ToContainTextAsync("make someone else admin");
        await Expect(mine.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await checks.CheckAsync("people (last admin)", 0);
        await checks.ScreenshotsAsync("portal-people-last-admin");
    }

    private static async Task InviteAsync(IPage page, string email, string role)
    {
        await page.GetByLabel("Their work e-mail").FillAsync(email);
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = role });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Expect(page.GetByTestId("member-outcome")).ToContainTextAsync($"An invitation is on its way to {email}");
        await Expect(page.GetByTestId("invitations")).ToContainTextAsync(email);
    }
}
