using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A company asks about a suggestion in the browser: by role only before both sides accept, a refused message keeps its
/// text and names the field, a message with a lab analysis is sent and the file downloads as sent, and the
/// facilitator's answer shows as "The facilitator".
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ConversationPageTests(PortalHost host, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% fly ash analysis: LOI 3.1 %\n%%EOF\n");

    [ChromiumFact]
    public async Task A_company_asks_about_a_suggestion_with_a_file_and_reads_the_facilitators_answer()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("cement@demo.symbiosis.local", "/", "Dashboard");
        await checks.VisitAsync("matches inbox", "Matches", () => page.GotoAsync("/matches"));
        var card = page.Locator("article.match").Filter(new() { Has = page.GetByTestId("conversation-link"), HasNotText = "this match is now a deal" }).First;
        await checks.VisitAsync("conversation", "Conversation on a suggestion", () => card.GetByTestId("conversation-link").ClickAsync());
        await Expect(page.GetByTestId("anonymity")).ToContainTextAsync("the supplier");
        var matchId = Guid.Parse(page.Url.Split('/')[^2]);

        // Nothing to say is refused beside the field; a photo named as a PDF too, and the text typed stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Some fields need another look");
        await Expect(page.Locator("#message-body-error")).Not.ToBeEmptyAsync();
        await page.GetByLabel("Your message").FillAsync("Is the ash below 5 % loss on ignition?");
        await page.GetByLabel("Files (optional)").SetInputFilesAsync(new FilePayload { Name = "photo.pdf", MimeType = "application/pdf", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator("#message-files-error")).ToContainTextAsync("photo.pdf");
        await Expect(page.GetByLabel("Your message")).ToHaveValueAsync("Is the ash below 5 % loss on ignition?");
        await checks.CheckAsync("conversation (refused)", 0);

        var question = "Is the ash below 5 % loss on ignition? Our analysis is attached. " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Your message").FillAsync(question);
        await page.GetByLabel("Files (optional)").SetInputFilesAsync(new FilePayload { Name = "analysis.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByTestId("message-outcome")).ToContainTextAsync("Your message is sent");
        var mine = page.GetByTestId("messages").Locator("li.message", new() { HasText = question });
        await Expect(mine).ToContainTextAsync("You");
        var download = await page.RunAndWaitForDownloadAsync(() => mine.GetByRole(AriaRole.Link, new() { Name = "analysis.pdf" }).ClickAsync());
        Assert.Equal("analysis.pdf", download.SuggestedFilename);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // The facilitator answers through the API; the company reads it under that role.
        var answer = "Yes: certificate attached on request. " + Guid.NewGuid().ToString("N")[..6];
        await FacilitatorSaysAsync(matchId, answer);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("messages").Locator("li.message", new() { HasText = answer })).ToContainTextAsync("The facilitator");
        await checks.CheckAsync("conversation (answered)", 0);
        await checks.ScreenshotsAsync("portal-conversation");
    }

    private async Task FacilitatorSaysAsync(Guid matchId, string body)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-operator", ["client_secret"] = "demo-operator-secret", ["scope"] = "matches.read matches.write",
        }));
        var access = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var posted = await http.PostAsJsonAsync($"/api/v1/matches/{matchId}/messages", new { body });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
    }
}
