using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The portal in distributed mode: its own process behind the gateway at <c>/</c>, signing users in with Identity
/// through the gateway and calling the API through it, every service in its own process over RabbitMQ. A company
/// the operator registers gets its invitation by mail, joins, signs in and posts an offer, all in a real browser.
/// </summary>
public sealed class DistributedPortalTests(DistributedDeployment deployment, ITestOutputHelper output) : IClassFixture<DistributedDeployment>
{
    [ChromiumFact]
    public async Task A_company_invited_by_the_operator_joins_signs_in_through_the_gateway_and_posts_an_offer()
    {
        Assert.True(RabbitMq.SkipReason() is null, "The distributed portal journey needs RabbitMQ (apt-get install rabbitmq-server, as .ci/run does).");
        var email = $"plant-{Guid.NewGuid():N}@example.test";
        await RegisterCompanyAsync("Gateway Ceramics", email);
        var invitation = await InvitationLinkAsync(email);
        Assert.StartsWith(deployment.GatewayUrl + "/account/accept-invitation", invitation); // public links name the gateway, not a service

        await using var session = await BrowserSession.StartAsync(deployment.GatewayUrl, output);
        var (page, checks) = (session.Page, session.Checks);
        await checks.VisitAsync("invitation", "Join Gateway Ceramics", () => page.GotoAsync(invitation));
        await page.GetByLabel("Your name").FillAsync("Plant Manager");
        await page.GetByLabel("Choose a password").FillAsync(BrowserSession.Password);
        await checks.VisitAsync("invitation accepted", "Welcome", () => page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync());

        // The portal, served by its own process through the gateway: sign-in at Identity (also through the gateway) and back.
        await checks.VisitAsync("sign-in", "Sign in", () => page.GotoAsync("/listings"));
        Assert.StartsWith(deployment.GatewayUrl + "/account/login", page.Url); // the public address, though the portal read Identity's discovery from inside
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserSession.Password);
        await checks.VisitAsync("my listings", "My listings", () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
        await Expect(page.GetByTestId("company")).ToHaveTextAsync("Gateway Ceramics");
        Assert.StartsWith(deployment.GatewayUrl, page.Url);

        await checks.VisitAsync("post a listing", "Post a listing", () => page.GetByRole(AriaRole.Link, new() { Name = "Post a listing" }).First.ClickAsync());
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Broken fired tiles from the kiln line");
        await page.GetByLabel("Description (optional)").FillAsync("Sorted broken and off-spec fired ceramic tiles, clean, suitable as chamotte or aggregate.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest codes" }).ClickAsync();
        const string code = "10 12 08"; // waste ceramics, bricks, tiles and construction products (after thermal processing)
        await Expect(page.Locator($"input[name='Form.EwcCode'][value='{code}']")).ToBeVisibleAsync();
        await page.Locator($"input[name='Form.EwcCode'][value='{code}']").CheckAsync();
        // A new company has no listing to start from: the place is its registered site's.
        await Expect(page.GetByLabel("Latitude")).ToHaveValueAsync("40.64");
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("t");
        await page.GetByLabel("Per", new() { Exact = true }).SelectOptionAsync("month");
        await checks.VisitAsync("my listings (posted)", "My listings", () => page.GetByRole(AriaRole.Button, new() { Name = "Post listing" }).ClickAsync());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your listing is posted");
        await Expect(page.Locator(".card", new() { HasText = "Broken fired tiles from the kiln line" })).ToContainTextAsync(code);

        // A portal address no page answers is the portal's page, through the gateway too; the API's stays JSON.
        var missing = await page.GotoAsync("/no-such-page");
        Assert.Equal((int)HttpStatusCode.NotFound, missing!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        Assert.Equal("frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'", await missing.HeaderValueAsync("content-security-policy"));

        await checks.VisitAsync("signed out", "You are signed out", async () =>
        {
            await page.GotoAsync("/listings");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        });
        output.WriteLine($"axe serious/critical on {checks.Visited.Count} checks: {checks.Visited.Sum(v => v.Serious)}");
    }

    private async Task RegisterCompanyAsync(string name, string adminEmail)
    {
        using var http = new HttpClient { BaseAddress = new Uri(deployment.GatewayUrl) };
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-operator", ["client_secret"] = "demo-operator-secret",
        }));
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var created = await http.PostAsJsonAsync("/api/v1/organisations", new
        {
            name, naceCode = "23.31", country = "PT", address = "Rua da Cerâmica 1, Aveiro",
            sites = new[] { new { name = "Kiln line", country = "PT", lat = 40.64, lon = -8.65 } },
            admin = new { email = adminEmail },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    /// <summary>The invitation link from the newest mail to <paramref name="to"/> in Identity's pickup folder.</summary>
    private Task<string> InvitationLinkAsync(string to) =>
        MailOutbox.LinkAsync(Path.Combine(deployment.DataDir, "identity"), to, "/account/accept-invitation");
}
