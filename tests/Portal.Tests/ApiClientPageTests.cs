using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A company admin gives a partner app its own API client in the browser: the form explains a refusal beside its
/// fields, the secret is shown once and works at the token endpoint, a new secret replaces the old one, and a revoked
/// client can no longer get a token.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ApiClientPageTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task An_admin_creates_a_client_uses_its_secret_rotates_it_and_revokes_it()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("farm@demo.symbiosis.local", "/", "Dashboard");
        await checks.VisitAsync("api clients", "API clients for your partner apps",
            () => page.GetByRole(AriaRole.Link, new() { Name = "API clients" }).ClickAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Some fields need another look");
        await Expect(page.Locator("#client-name-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#scopes-error")).Not.ToBeEmptyAsync();
        await checks.CheckAsync("api clients (invalid)", 0);

        var name = "Farm ERP " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Read your listings").CheckAsync();
        await page.GetByLabel("Post and change your listings (also CSV import)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();
        await Expect(page.GetByTestId("client-outcome")).ToContainTextAsync($"The client “{name}” is created.");
        var clientId = await page.GetByTestId("client-id").TextContentAsync();
        var secret = await page.GetByTestId("client-secret").TextContentAsync();
        await checks.CheckAsync("api clients (created)", 0);
        await checks.ScreenshotsAsync("portal-api-client-created");
        Assert.True(await TokenAsync(clientId!, secret!), "the secret shown does not get a token");

        // Shown once: reloading the page shows the client, not its secret.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("client-secret")).ToHaveCountAsync(0);
        var card = page.GetByTestId("clients").Locator(".card", new() { HasText = name });
        await Expect(card).ToContainTextAsync("listings.read, listings.write");

        await card.GetByRole(AriaRole.Button, new() { Name = $"New secret for {name}" }).ClickAsync();
        var rotated = await page.GetByTestId("client-secret").TextContentAsync();
        Assert.NotEqual(secret, rotated);
        Assert.False(await TokenAsync(clientId!, secret!), "the old secret still gets a token");
        Assert.True(await TokenAsync(clientId!, rotated!), "the new secret does not get a token");

        await page.GetByTestId("clients").Locator(".card", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await Expect(page.GetByTestId("client-outcome")).ToContainTextAsync("is revoked");
        await Expect(page.GetByTestId("clients")).Not.ToContainTextAsync(name);
        Assert.False(await TokenAsync(clientId!, rotated!), "a revoked client still gets a token");
        await checks.CheckAsync("api clients (revoked)", 0);
    }

    private async Task<bool> TokenAsync(string clientId, string secret)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "listings.read",
        }));
        return response.IsSuccessStatusCode;
    }
}
