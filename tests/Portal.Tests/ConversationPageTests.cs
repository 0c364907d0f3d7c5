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
    private static readonly Guid PowerStation = Guid.Parse("0199a000-0000-7000-8000-000000000101");
    private static readonly Guid CementWorks = Guid.Parse("0199a000-0000-7000-8000-000000000102");
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% fly ash analysis: LOI 3.1 %\n%%EOF\n");

    [ChromiumFact]
    public async Task A_company_asks_about_a_suggestion_with_a_file_and_reads_the_facilitators_answer()
    {
        // A suggestion of its own, so no other test's decisions change it: the power station's fly ash for the cement works.
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var facilitator = await FacilitatorAsync();
        var offer = await ListingAsync(facilitator, PowerStation, "offer", $"Dry fly ash {tag}", "Pulverised fuel ash from the coal units, dry, in silos.");
        var want = await ListingAsync(facilitator, CementWorks, "want", $"Fly ash for cement {tag}", "Fly ash to replace clinker in blended cement.");
        var matchId = await Poll.Eventually(async () =>
        {
            using var response = await facilitator.GetAsync($"/api/v1/listings/{want}/matches?limit=20");
            if (!response.IsSuccessStatusCode)
            {
                return null; // Matching has not heard of the listing yet
            }

            var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
            return items.EnumerateArray().Where(i => i.GetProperty("listingId").GetGuid() == offer).Select(i => i.GetProperty("matchId").GetString()).FirstOrDefault();
        }, TimeSpan.FromSeconds(60));

        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("cement@demo.symbiosis.local", "/", "Dashboard");
        await checks.VisitAsync("listing matches", "Matches", () => page.GotoAsync($"/listings/{want}/matches"));
        await checks.VisitAsync("conversation", "Conversation on a suggestion",
            () => page.Locator($"#match-{matchId}").GetByTestId("conversation-link").ClickAsync());
        await Expect(page.GetByTestId("anonymity")).ToContainTextAsync("the supplier");

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
        using (var form = new MultipartFormDataContent { { new StringContent(answer), "body" } })
        using (var said = await facilitator.PostAsync($"/api/v1/matches/{matchId}/messages", form))
        {
            Assert.True(said.IsSuccessStatusCode, await said.Content.ReadAsStringAsync());
        }

        await page.ReloadAsync();
        await Expect(page.GetByTestId("messages").Locator("li.message", new() { HasText = answer })).ToContainTextAsync("The facilitator");
        await checks.CheckAsync("conversation (answered)", 0);
        await checks.ScreenshotsAsync("portal-conversation");
    }

    /// <summary>The demo operator's API client (client credentials), as the facilitator who also enters listings for companies.</summary>
    private async Task<HttpClient> FacilitatorAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-operator", ["client_secret"] = "demo-operator-secret",
            ["scope"] = "listings.read listings.write matches.read matches.write",
        }));
        var access = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return http;
    }

    /// <summary>A published listing the operator enters for <paramref name="organisationId"/>, near Kalundborg.</summary>
    private static async Task<Guid> ListingAsync(HttpClient facilitator, Guid organisationId, string kind, string title, string description)
    {
        using var created = await facilitator.PostAsJsonAsync("/api/v1/listings", new
        {
            organisationId, kind, resourceClass = "material", title, description,
            quantity = new { amount = 1200, unit = "t", per = "year" }, location = new { lat = 55.6, lon = 11.1, country = "DK" },
        });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
