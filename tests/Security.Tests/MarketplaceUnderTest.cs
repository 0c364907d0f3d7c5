using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;

namespace Marketplace.Security.Tests;

/// <summary>
/// The marketplace as a partner reaches it: a base address, HTTP clients, tokens and companies obtained through the
/// public API, and the few files a local deployment keeps in Identity's data directory (signing key, mail outbox,
/// database). One implementation hosts the standalone in process, the other starts the distributed mode behind the
/// real gateway; every test class that holds for both runs once per implementation.
/// </summary>
public abstract class MarketplaceUnderTest : IAsyncLifetime
{
    public const string PortalClientId = "portal";
    public const string RedirectUri = "http://localhost/callback";
    public const string CorsOrigin = "https://portal.example.test";

    private IReadOnlyList<ApiOperation>? operations;
    private JsonElement? document;

    /// <summary>The settings both modes run with (configuration-key form); the distributed mode gives them to every process.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Marketplace:Demo"] = "true",
        ["Marketplace:SeedDemoData"] = "false",
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Identity:RefreshTokenReuseLeeway"] = "00:00:00",
        ["Identity:PublicClients:0:ClientId"] = PortalClientId,
        ["Identity:PublicClients:0:RedirectUris:0"] = RedirectUri,
        ["Webhooks:AllowInsecureUrls"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:InitialRetryDelay"] = "00:00:00.500", // the backoff test compares gaps of 0.5 s and 1 s: wide enough for a loaded CI machine
        ["Webhooks:MaxRetryDelay"] = "00:00:02",
        ["Edge:RateLimit:PermitsPerSecond"] = "100000",
        ["Edge:RateLimit:BurstSize"] = "100000",
        ["Edge:RateLimit:TokenEndpointPermitsPerMinute"] = "100000",
        ["Edge:CorsOrigins:0"] = CorsOrigin,
    };

    /// <summary><c>in-process</c> or <c>distributed</c>, for messages.</summary>
    public abstract string Mode { get; }

    /// <summary>Identity's data directory: <c>keys/signing.pem</c>, <c>mail-outbox/</c>, <c>identity.db</c>.</summary>
    public abstract string IdentityDataDir { get; }

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>A client of the public address; a browser keeps cookies and does not follow redirects.</summary>
    protected abstract HttpClient NewClient(bool browser);

    public HttpClient CreateClient() => NewClient(browser: false);

    public HttpClient Browser() => NewClient(browser: true);

    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// The OpenAPI document this deployment serves at <c>/openapi/v1.json</c> (merged at the gateway). A gateway
    /// that could not reach a service in time names it in <c>x-missing-services</c> and caches that for a while, so
    /// an incomplete document is asked for again rather than walked.
    /// </summary>
    public async Task<JsonElement> OpenApiDocumentAsync()
    {
        if (document is { } known)
        {
            return known;
        }

        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var candidate = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
            if (!candidate.TryGetProperty("x-missing-services", out var missing) || missing.GetArrayLength() == 0)
            {
                document = candidate;
                return candidate;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The OpenAPI document still lacks {missing} ({Mode}).");
            await Task.Delay(2000);
        }
    }

    /// <summary>The complete document as served, for a client generator.</summary>
    public async Task<string> OpenApiDocumentJsonAsync() => (await OpenApiDocumentAsync()).GetRawText();

    /// <summary>Every operation of the public API, from <see cref="OpenApiDocumentAsync"/>.</summary>
    public async Task<IReadOnlyList<ApiOperation>> OperationsAsync() =>
        operations ??= ApiOperation.FromOpenApi(await OpenApiDocumentAsync());

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
        const string password = "Correct-horse-1";
        await AcceptInvitationAsync(email, "First Admin", password);
        return (id, email, password);
    }

    /// <summary>Follows the newest invitation link mailed to <paramref name="email"/> and accepts it with a name and password.</summary>
    public async Task AcceptInvitationAsync(string email, string displayName, string password)
    {
        var link = await LinkFromMailAsync(email, "/account/accept-invitation");
        using var browser = Browser();
        using var accepted = await SubmitFormAsync(browser, link, new() { ["displayName"] = displayName, ["password"] = password });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    /// <summary>A company registered by the operator with an API client of its own holding <paramref name="scopes"/>.</summary>
    public async Task<(Guid OrganisationId, HttpClient Client)> PartnerAsync(string name, params string[] scopes)
    {
        using var op = await OperatorClientAsync();
        using var created = await op.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = "38.32", country = "DK" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var client = await op.PostAsJsonAsync($"/api/v1/organisations/{id}/clients", new { name = name + " app", scopes });
        Assert.Equal(HttpStatusCode.Created, client.StatusCode);
        var body = await client.JsonAsync();
        return (id, WithToken(await ClientTokenAsync(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!)));
    }

    /// <summary>Waits for the newest mail to <paramref name="to"/> with a link that starts with <paramref name="path"/>; returns its path and query.</summary>
    public async Task<string> LinkFromMailAsync(string to, string path) =>
        new Uri(await MailOutbox.LinkAsync(IdentityDataDir, to, path, TimeSpan.FromSeconds(10))).PathAndQuery;

    /// <summary>Every .eml addressed to <paramref name="to"/> in Identity's mail outbox, newest first, decoded.</summary>
    public IReadOnlyList<string> MailsTo(string to) => MailOutbox.MailsTo(IdentityDataDir, to);

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
        var login = PathOf(first.Headers.Location!);
        Assert.StartsWith("/account/login", login);

        using var signedIn = await SubmitFormAsync(browser, login, new() { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var second = await browser.GetAsync(PathOf(signedIn.Headers.Location!));
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

    /// <summary>How many items a cursor-paginated list holds, walking every page with <paramref name="client"/>.</summary>
    public static async Task<int> CountAsync(HttpClient client, string path, Func<JsonElement, bool>? where = null)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            using var response = await client.GetAsync(cursor is null ? $"{path}{separator}limit=100" : $"{path}{separator}limit=100&cursor={Uri.EscapeDataString(cursor)}");
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            var page = await response.JsonAsync();
            count += page.GetProperty("items").EnumerateArray().Count(i => where?.Invoke(i) ?? true);
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return count;
    }

    /// <summary>Identity's SQLite database, read-only: for facts the API rightly does not expose (how secrets are stored).</summary>
    public SqliteConnection OpenIdentityDatabase()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(IdentityDataDir, "identity.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    public static Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null) =>
        Poll.Eventually(probe, timeout ?? TimeSpan.FromSeconds(30));

    public override string ToString() => Mode;

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}

public static class JsonExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts the status (naming the request and quoting the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}, not {(int)status}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
