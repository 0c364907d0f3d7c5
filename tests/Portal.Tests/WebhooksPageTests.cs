using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A company admin connects its ERP by webhook in the browser: a refused form explains itself beside its fields, the
/// signing secret is shown once, a test event reaches the receiver signed with it and shows as delivered, the endpoint
/// is paused, turned back on and deleted.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WebhooksPageTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task An_admin_adds_an_endpoint_tests_it_pauses_it_and_deletes_it()
    {
        using var receiver = new WebhookReceiver();
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("farm@demo.symbiosis.local", "/", "Dashboard");
        await checks.VisitAsync("webhooks", "Webhooks for your partner apps", () => page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Add the endpoint" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Some fields need another look");
        await Expect(page.Locator("#hook-url-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#eventTypes-error")).Not.ToBeEmptyAsync();
        await checks.CheckAsync("webhooks (invalid)", 0);

        await page.GetByLabel("Address (URL)").FillAsync(receiver.Url);
        await page.GetByLabel("An invoice is issued to your company").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the endpoint" }).ClickAsync();
        await Expect(page.GetByTestId("hook-outcome")).ToContainTextAsync($"The endpoint {receiver.Url} is added.");
        var secret = (await page.GetByTestId("hook-secret").TextContentAsync())!;
        var card = page.GetByTestId("hooks").Locator(".card", new() { HasText = receiver.Url });
        await Expect(card).ToContainTextAsync("invoice.issued");
        await Expect(card.GetByTestId("hook-deliveries")).ToContainTextAsync("Nothing sent yet.");

        // The test event arrives signed with the secret shown once; the page then shows it delivered with the answer.
        await card.GetByRole(AriaRole.Button, new() { Name = $"Send a test event for {receiver.Url}" }).ClickAsync();
        await Expect(page.GetByTestId("hook-outcome")).ToContainTextAsync("A test event is on its way");
        await Expect(page.GetByTestId("hook-secret")).ToHaveCountAsync(0);
        var (headers, body) = await receiver.NextAsync();
        Assert.Equal("webhook.test", JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
        Assert.True(SignedWith(secret, headers["Symbiosis-Signature"]!, body), "the test event is not signed with the secret shown");
        await Poll.Eventually(async () =>
        {
            await page.ReloadAsync();
            return await card.GetByTestId("hook-deliveries").TextContentAsync() is { } text && text.Contains("delivered", StringComparison.Ordinal) ? text : null;
        }, TimeSpan.FromSeconds(30));
        await Expect(card.GetByTestId("hook-deliveries")).ToContainTextAsync("HTTP 200");
        await checks.CheckAsync("webhooks (delivered)", 0);
        await checks.ScreenshotsAsync("portal-webhook-delivered");

        await card.GetByRole(AriaRole.Button, new() { Name = $"Pause for {receiver.Url}" }).ClickAsync();
        await Expect(card.GetByTestId("hook-state")).ToContainTextAsync("paused");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = $"Send a test event for {receiver.Url}" })).ToHaveCountAsync(0);
        await card.GetByRole(AriaRole.Button, new() { Name = $"Turn back on for {receiver.Url}" }).ClickAsync();
        await Expect(card.GetByTestId("hook-state")).ToContainTextAsync("on");
        await Expect(page.GetByTestId("hook-outcome")).ToContainTextAsync("is on again");

        await card.Locator("summary", new() { HasText = "Delete…" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Delete the endpoint {receiver.Url}" }).ClickAsync();
        await Expect(page.GetByTestId("hook-outcome")).ToContainTextAsync($"{receiver.Url} is deleted.");
        await Expect(page.GetByTestId("hooks")).Not.ToContainTextAsync(receiver.Url);
        await checks.CheckAsync("webhooks (deleted)", 0);
    }

    /// <summary>The receiver's check, as partners.md describes it: <c>t=…,v1=…</c>, HMAC-SHA256 of <c>{t}.{body}</c> with the secret.</summary>
    private static bool SignedWith(string secret, string signature, string body)
    {
        var parts = signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]));
    }
}
