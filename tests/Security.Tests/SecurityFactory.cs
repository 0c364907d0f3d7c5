using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Security.Tests;

/// <summary>The standalone host in process with a fresh SQLite data directory, a portal client and mail written to files.</summary>
public sealed partial class SecurityFactory : WebApplicationFactory<StandaloneArguments>
{
    public const string PortalClientId = "portal";
    public const string RedirectUri = "http://localhost/callback";

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "marketplace-security-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Marketplace:DataDir", DataDir);
        builder.UseSetting("Marketplace:Demo", "true");
        builder.UseSetting("Marketplace:SeedDemoData", "false");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Identity:RefreshTokenReuseLeeway", "00:00:00");
        builder.UseSetting("Identity:PublicClients:0:ClientId", PortalClientId);
        builder.UseSetting("Identity:PublicClients:0:RedirectUris:0", RedirectUri);
        builder.UseSetting("Webhooks:AllowInsecureUrls", "true");
        builder.UseSetting("Webhooks:PollInterval", "00:00:00.100");
        builder.UseSetting("Webhooks:InitialRetryDelay", "00:00:00.200");
        builder.UseSetting("Webhooks:MaxRetryDelay", "00:00:00.500");
        builder.UseSetting("Webhooks:MaxConsecutiveFailures", "3");
        builder.UseSetting("Edge:RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("Edge:RateLimit:BurstSize", "100000");
        builder.UseSetting("Edge:RateLimit:TokenEndpointPermitsPerMinute", "100000");
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<string> ClientTokenAsync(string clientId, string secret, string? scope = null)
    {
        using var client = CreateClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public Task<string> OperatorTokenAsync(string? scope = null) => ClientTokenAsync("demo-operator", "demo-operator-secret", scope);

    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> OperatorClientAsync() => WithToken(await OperatorTokenAsync());

    /// <summary>Registers a company with a first admin, accepts the emailed invitation and returns the ids.</summary>
    public async Task<(Guid OrganisationId, string Email, string Password)> CompanyWithAdminAsync(string name)
    {
        using var op = await OperatorClientAsync();
        var email = $"admin-{Guid.NewGuid():N}@example.test";
        using var response = await op.PostAsJsonAsync("/api/v1/organisations", new
        {
            name, naceCode = "23.51", country = "DK", address = "Vej 1", sites = new[] { new { name = "Plant", country = "DK", lat = 55.6, lon = 11.1 } },
            admin = new { email },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var link = LinkFromMail(email, "/account/accept-invitation");
        const string password = "Correct-horse-1";
        using var browser = Browser();
        var accepted = await SubmitFormAsync(browser, link, new() { ["displayName"] = "First Admin", ["password"] = password });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return (id, email, password);
    }

    /// <summary>Reads the newest .eml addressed to <paramref name="to"/> and returns its link that starts with <paramref name="path"/>.</summary>
    public string LinkFromMail(string to, string path)
    {
        var outbox = Path.Combine(DataDir, "mail-outbox");
        var mail = Directory.GetFiles(outbox, "*.eml").Select(f => (File: f, Text: DecodeQuotedPrintable(File.ReadAllText(f))))
            .Where(m => m.Text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => File.GetLastWriteTimeUtc(m.File)).Select(m => m.Text).FirstOrDefault()
            ?? throw new InvalidOperationException($"No mail to {to} in {outbox}.");
        var match = Regex.Match(mail, $@"https?://[^\s/]+{Regex.Escape(path)}[^\s]*");
        Assert.True(match.Success, mail);
        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>GETs a page with a form, then posts the form with its antiforgery token and <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient browser, string pageUrl, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(pageUrl);
        var action = Regex.Match(page, "<form method=\"post\" action=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string>();
        foreach (Match hidden in Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"))
        {
            form[hidden.Groups[1].Value] = WebUtility.HtmlDecode(hidden.Groups[2].Value);
        }

        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return await browser.PostAsync(WebUtility.HtmlDecode(action), new FormUrlEncodedContent(form));
    }

    /// <summary>The portal's sign-in: authorization code with PKCE through the login page. Returns the token response.</summary>
    public async Task<JsonElement> SignInAsync(string email, string password, string scope = "openid offline_access listings.read listings.write admin")
    {
        using var browser = Browser();
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = PortalClientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = scope,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "s1",
        });
        using var first = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = first.Headers.Location!.IsAbsoluteUri ? first.Headers.Location.PathAndQuery : first.Headers.Location.OriginalString;
        Assert.StartsWith("/account/login", login);

        using var signedIn = await SubmitFormAsync(browser, login, new() { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var second = await browser.GetAsync(signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var callback = second.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString());
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("s1", query["state"].ToString());

        using var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"].ToString(), ["redirect_uri"] = RedirectUri,
            ["client_id"] = PortalClientId, ["code_verifier"] = verifier,
        }));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = CreateClient();
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = PortalClientId,
        }));
    }

    private static string DecodeQuotedPrintable(string text)
    {
        if (!text.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var joined = text.Replace("=\r\n", "").Replace("=\n", "");
        return QuotedByte().Replace(joined, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());
    }

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedByte();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // the index may still hold a file briefly; the temp folder is cleaned by the OS
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<SecurityFactory>
{
    public const string Name = "host";
}

public static class JsonExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
