using System.Net;
using System.Text.RegularExpressions;

namespace Marketplace.Portal.Bench;

/// <summary>An HTTP client that signs in to the portal as a browser does and finds the pages a company user visits.</summary>
internal static partial class PortalBrowser
{
    public static async Task<HttpClient> SignInAsync(string baseUrl, string email, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60),
        };
        // Any page sends a stranger through /connect/authorize to Identity's login form, which leads back.
        using var login = await http.GetAsync("/");
        var form = await login.Content.ReadAsStringAsync();
        if (!login.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected Identity's login form, got {login.RequestMessage.RequestUri}.");
        }

        var fields = Hidden().Matches(form).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["email"] = email;
        fields["password"] = password;
        using var signedIn = await http.PostAsync(login.RequestMessage.RequestUri, new FormUrlEncodedContent(fields));
        var dashboard = await signedIn.Content.ReadAsStringAsync();
        if (signedIn.StatusCode != HttpStatusCode.OK || !dashboard.Contains("Sign out", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in did not reach the portal: {(int)signedIn.StatusCode} {signedIn.RequestMessage?.RequestUri}");
        }

        return http;
    }

    /// <summary>The operator console's pages, the first company's page and the first invoice, found by following the pages' links.</summary>
    public static async Task<IReadOnlyList<string>> OperatorPagesAsync(HttpClient http)
    {
        List<string> pages = ["/operator/pipeline", "/operator/companies", "/operator/map", "/operator/billing", "/operator/billing/ledger",
            "/operator/billing/fee-plans", "/operator/impact", "/operator/impact/report"];
        if (Link("/operator/companies/[0-9a-f-]{36}").Match(await http.GetStringAsync("/operator/companies")) is { Success: true } company)
        {
            pages.Add(company.Value);
        }

        if (Link("/operator/billing/invoices/[0-9a-f-]{36}").Match(await http.GetStringAsync("/operator/billing")) is { Success: true } invoice)
        {
            pages.Add(invoice.Value);
        }

        return pages;
    }

    /// <summary>
    /// The navigation's pages plus the first listing's matches, the first deal and its conversation, and the first
    /// suggestion's conversation, found by following the pages' own links.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(HttpClient http)
    {
        List<string> pages = ["/", "/listings", "/listings/new", "/matches", "/deals", "/projects", "/listings/import", "/settings/company", "/settings/api-clients",
            "/settings/members", "/settings/webhooks", "/notifications", "/settings/notifications"];
        var listings = await http.GetStringAsync("/listings");
        if (Link("/listings/[0-9a-f-]{36}/matches").Match(listings) is { Success: true } matches)
        {
            pages.Add(matches.Value);
        }

        if (Link("/matches/[0-9a-f-]{36}/conversation").Match(await http.GetStringAsync("/matches")) is { Success: true } talk)
        {
            pages.Add(talk.Value);
        }

        var deals = await http.GetStringAsync("/deals");
        if (Link("/deals/[0-9a-f-]{36}").Match(deals) is { Success: true } deal)
        {
            pages.Add(deal.Value);
            pages.Add(deal.Value + "/conversation");
        }

        return pages;
    }

    public static string Name(string page) => GuidPattern().Replace(page, "{id}");

    private static Regex Link(string path) => new($"(?<=href=\"){path}(?=\")");

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
