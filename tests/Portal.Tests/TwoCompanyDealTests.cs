using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// Two companies, two browsers: a power station posts FGD gypsum, a plasterboard maker wants gypsum. Both say
/// interested, the deal opens, terms are proposed and accepted, both sign, a delivery is recorded and confirmed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class TwoCompanyDealTests(PortalHost host, ITestOutputHelper output)
{
    private const string Supplier = "energy@demo.symbiosis.local";
    private const string Buyer = "boards@demo.symbiosis.local";
    private const string Title = "FGD gypsum from our second scrubber line";

    [ChromiumFact]
    public async Task A_supplier_and_a_buyer_agree_a_deal_sign_its_contract_and_confirm_a_delivery_in_the_portal()
    {
        await using var a = await BrowserSession.StartAsync(host, output);
        await using var b = await BrowserSession.StartAsync(host, output);

        // A posts an offer with a suggested waste code.
        await a.SignInAsync(Supplier, "/listings/new", "Post a listing");
        await a.Page.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
        await a.Page.GetByLabel("Description (optional)").FillAsync("Desulphurisation gypsum from wet limestone flue-gas scrubbers, calcium sulphate dihydrate above 95%, low chloride.");
        await a.Page.GetByRole(AriaRole.Button, new() { Name = "Suggest codes" }).ClickAsync();
        var choices = a.Page.GetByTestId("ewc-choices").Locator("input[type=radio]");
        await Expect(choices.First).ToBeVisibleAsync();
        var codes = await choices.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        output.WriteLine("waste codes suggested: " + string.Join(", ", codes));
        const string code = "10 01 05"; // calcium-based reaction wastes from flue-gas desulphurisation in solid form
        Assert.Contains(code, codes);
        await a.Page.Locator($"input[name='Form.EwcCode'][value='{code}']").CheckAsync();
        await a.Page.GetByLabel("Amount", new() { Exact = true }).FillAsync("20000");
        await a.Page.GetByLabel("Per", new() { Exact = true }).SelectOptionAsync("year");
        await a.Checks.VisitAsync("A: my listings (posted)", "My listings", () => a.Page.GetByRole(AriaRole.Button, new() { Name = "Post listing" }).ClickAsync());
        var card = a.Page.Locator(".card", new() { HasText = Title });
        await Expect(card).ToContainTextAsync(code);

        // B's want, and A's suggestion for it with its reasons.
        await b.SignInAsync(Buyer, "/listings?kind=want", "My listings");
        var wantLink = b.Page.Locator(".card", new() { HasText = "Gypsum raw material for plasterboard" }).GetByRole(AriaRole.Link, new() { Name = "See matches" });
        var wantPath = (await wantLink.GetAttributeAsync("href"))!;
        var wantId = ListingId().Match(wantPath).Groups[1].Value;
        await a.Checks.VisitAsync("A: matches", "Matches", () => card.GetByRole(AriaRole.Link, new() { Name = "See matches" }).ClickAsync());
        var suggestion = a.Page.Locator($"article[data-listing='{wantId}']");
        await ReloadUntilAsync(a.Page, suggestion);
        await Expect(suggestion.GetByTestId("score")).ToHaveTextAsync(new Regex(@"^\d+\s?%$"));
        await Expect(suggestion.Locator(".reasons li").First).ToHaveTextAsync(new Regex(@"\w{3,}"));
        await a.Checks.CheckAsync("A: matches (filled)", 0);
        var decision = (await suggestion.Locator("form.decision").GetAttributeAsync("action"))!;
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Interested" }).ClickAsync();
        await Expect(a.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your interest is recorded" })).ToBeVisibleAsync();

        // B hears of A's interest in the portal (the count beside their name, the notification) and follows it to the suggestion.
        var matchId = MatchId().Match(decision).Groups[1].Value;
        await b.Checks.VisitAsync("B: notifications", "Notifications", () => b.Page.GetByTestId("notifications-link").ClickAsync());
        var heard = b.Page.GetByTestId("notices").GetByRole(AriaRole.Link, new() { Name = "The other side is interested in a suggestion: say whether you are" });
        await ReloadUntilAsync(b.Page, heard);
        await Expect(b.Page.GetByTestId("unread")).ToHaveTextAsync(new Regex(@"^[1-9]\d* unread$"));
        await b.Checks.VisitAsync("B: want matches", "Matches", () => heard.First.ClickAsync());
        Assert.EndsWith($"{wantPath}#match-{matchId}", b.Page.Url, StringComparison.Ordinal);

        // B sees A's interest (anonymously) and says interested too: the match becomes a deal.
        var theirs = b.Page.Locator("article.match", new() { Has = b.Page.Locator($"form[action='{decision}']") });
        await Expect(theirs).ToContainTextAsync("The other side is interested");
        await Expect(theirs).Not.ToContainTextAsync("Power Station");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Interested" }).ClickAsync();
        await Expect(b.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your interest is recorded" })).ToBeVisibleAsync();
        await b.Checks.CheckAsync("B: want matches (interest)", 0);

        // The deal appears (Brokerage opens it from Matching's event); B proposes terms.
        await b.Checks.VisitAsync("B: deals", "Deals", () => b.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Deals", Exact = true }).ClickAsync());
        var dealLink = b.Page.GetByTestId("deals").GetByRole(AriaRole.Link, new() { Name = Title });
        await ReloadUntilAsync(b.Page, dealLink);
        await b.Checks.VisitAsync("B: deal", Title, () => dealLink.ClickAsync());
        await Expect(b.Page.GetByTestId("deal-status")).ToHaveTextAsync("Open: agree the terms");
        await b.Page.GetByLabel("Quantity", new() { Exact = true }).FillAsync("1500");
        await b.Page.GetByLabel("Per", new() { Exact = true }).SelectOptionAsync("month");
        await b.Page.GetByLabel("Price per unit").FillAsync("2.5");
        await b.Page.GetByRole(AriaRole.Button, new() { Name = "Propose terms" }).ClickAsync();
        await Expect(b.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your terms are proposed" })).ToBeVisibleAsync();
        await Expect(b.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Waiting for the other side to accept" })).ToBeVisibleAsync();
        await b.Checks.CheckAsync("B: deal (proposed)", 0);
        var dealPath = new Uri(b.Page.Url).AbsolutePath;

        // A accepts; a draft contract with the fees that apply; A signs.
        await a.Checks.VisitAsync("A: deal", Title, () => a.Page.GotoAsync(dealPath));
        await Expect(a.Page.GetByTestId("terms")).ToContainTextAsync("1,500 t / month");
        await a.Page.GetByRole(AriaRole.Button, new() { Name = "Accept terms (version 1)" }).ClickAsync();
        await Expect(a.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The terms are accepted" })).ToBeVisibleAsync();
        await Expect(a.Page.GetByTestId("contract-status")).ToHaveTextAsync("Draft: waiting for both signatures");
        await Expect(a.Page.GetByTestId("fees")).ToContainTextAsync("2 % of the delivered value"); // the demo fee plan
        output.WriteLine("fees shown: " + await a.Page.GetByTestId("fees").InnerTextAsync());
        await a.Checks.CheckAsync("A: deal (accepted)", 0);
        await a.Page.GetByRole(AriaRole.Button, new() { Name = "Sign the contract" }).ClickAsync();
        await Expect(a.Page.GetByTestId("contract-status")).ToHaveTextAsync("Signed by the supplier: waiting for the buyer");

        // B signs: the contract is active; B records a delivery.
        await b.Checks.VisitAsync("B: deal (to sign)", Title, () => b.Page.ReloadAsync());
        await b.Page.GetByRole(AriaRole.Button, new() { Name = "Sign the contract" }).ClickAsync();
        await Expect(b.Page.GetByTestId("contract-status")).ToHaveTextAsync("Active: deliveries can be recorded");
        await b.Page.GetByLabel("Quantity delivered").FillAsync("32.5");
        await b.Page.GetByLabel("Weighbridge ticket or delivery note (optional)").FillAsync("WB-4711");
        await b.Page.GetByRole(AriaRole.Button, new() { Name = "Record delivery" }).ClickAsync();
        await Expect(b.Page.GetByTestId("delivery-status")).ToHaveTextAsync("waiting for confirmation");
        await b.Checks.CheckAsync("B: deal (delivery recorded)", 0);

        // A confirms it: it counts for the company's impact.
        await a.Checks.VisitAsync("A: deal (to confirm)", Title, () => a.Page.ReloadAsync());
        await a.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm delivery" }).ClickAsync();
        await Expect(a.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The delivery is confirmed" })).ToBeVisibleAsync();
        await Expect(a.Page.GetByTestId("delivery-status")).ToHaveTextAsync("confirmed");
        await Expect(a.Page.GetByTestId("impact")).ToContainTextAsync("1 confirmed deliveries");
        await a.Checks.CheckAsync("A: deal (confirmed)", 0);

        await a.Checks.VisitAsync("A: signed out", "You are signed out", () => a.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync());
        await b.Checks.VisitAsync("B: signed out", "You are signed out", () => b.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync());
        output.WriteLine($"axe serious/critical on {a.Checks.Visited.Count + b.Checks.Visited.Count} checks: {a.Checks.Visited.Sum(v => v.Serious) + b.Checks.Visited.Sum(v => v.Serious)}");
    }

    /// <summary>Events reach Matching and Brokerage a moment after the write: reload until the element is there.</summary>
    private static Task<string> ReloadUntilAsync(IPage page, ILocator locator) => Poll.Eventually(async () =>
    {
        if (await locator.CountAsync() > 0)
        {
            return "";
        }

        await page.ReloadAsync();
        return null;
    }, TimeSpan.FromSeconds(60));

    [GeneratedRegex(@"/listings/([0-9a-f-]{36})/matches")]
    private static partial Regex ListingId();

    [GeneratedRegex(@"/matches/([0-9a-f-]{36})/decision")]
    private static partial Regex MatchId();
}
