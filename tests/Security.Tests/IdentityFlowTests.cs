using Microsoft.IdentityModel.JsonWebTokens;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Security.Tests;

public abstract class IdentityFlowTests(MarketplaceUnderTest factory)
{
    [ModeFact]
    public async Task An_invited_admin_signs_in_with_code_and_PKCE_and_gets_a_token_shaped_like_a_client_token()
    {
        var (organisationId, email, password) = await factory.CompanyWithAdminAsync("Code Flow Cement");
        var tokens = await factory.SignInAsync(email, password);

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(organisationId.ToString(), access.Claims.First(c => c.Type == "org_id").Value);
        Assert.Contains(access.Claims, c => c.Type == "role" && c.Value == "admin");
        Assert.Contains("listings", access.Audiences);
        Assert.Contains("identity", access.Audiences);
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        Assert.True(tokens.TryGetProperty("id_token", out _));

        using var api = factory.WithToken(tokens.GetProperty("access_token").GetString()!);
        using var own = await api.GetAsync($"/api/v1/organisations/{organisationId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single((await own.JsonAsync()).GetProperty("sites").EnumerateArray());
        using var other = await api.GetAsync($"/api/v1/organisations/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [ModeFact]
    public async Task An_authorization_request_without_PKCE_is_refused()
    {
        using var browser = factory.Browser();
        using var response = await browser.GetAsync(
            $"/connect/authorize?client_id={MarketplaceUnderTest.PortalClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(MarketplaceUnderTest.RedirectUri)}&scope=openid");
        var location = response.Headers.Location?.ToString() ?? "";
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(location.Contains("error=invalid_request", StringComparison.Ordinal) || body.Contains("invalid_request", StringComparison.Ordinal), location + body);
        Assert.DoesNotContain("/account/login", location);
    }

    [ModeFact]
    public async Task Implicit_and_password_grants_are_off()
    {
        using var client = factory.CreateClient();
        using var password = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "x@example.test", ["password"] = "whatever-123", ["client_id"] = MarketplaceUnderTest.PortalClientId,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", (await password.JsonAsync()).GetProperty("error").GetString());

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.DoesNotContain("password", grants);
        Assert.DoesNotContain("implicit", grants);
        Assert.Contains("authorization_code", grants);
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var jwks = await client.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString()!);
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [ModeFact]
    public async Task Refresh_tokens_rotate_and_a_replayed_one_revokes_the_chain()
    {
        var (_, email, password) = await factory.CompanyWithAdminAsync("Rotation Works");
        var tokens = await factory.SignInAsync(email, password);
        var first = tokens.GetProperty("refresh_token").GetString()!;

        using var refreshed = await factory.RefreshAsync(first);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.JsonAsync()).GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);

        using var replay = await factory.RefreshAsync(first);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await replay.JsonAsync()).GetProperty("error").GetString());

        // Reuse detection: the replay revoked the whole authorization, so the legitimate newer token fails too.
        using var afterReplay = await factory.RefreshAsync(second);
        Assert.Equal(HttpStatusCode.BadRequest, afterReplay.StatusCode);
    }

    [ModeFact]
    public async Task A_revoked_refresh_token_cannot_be_used()
    {
        var (_, email, password) = await factory.CompanyWithAdminAsync("Revocation Works");
        var tokens = await factory.SignInAsync(email, password);
        var refresh = tokens.GetProperty("refresh_token").GetString()!;

        using var client = factory.CreateClient();
        using var revoke = await client.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refresh, ["token_type_hint"] = "refresh_token", ["client_id"] = MarketplaceUnderTest.PortalClientId,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        using var replay = await factory.RefreshAsync(refresh);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await replay.JsonAsync()).GetProperty("error").GetString());
    }

    [ModeFact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var (_, email, password) = await factory.CompanyWithAdminAsync("Lockout Works");
        using var browser = factory.Browser();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await MarketplaceUnderTest.SubmitFormAsync(browser, "/account/login", new() { ["email"] = email, ["password"] = "Wrong-password-" + i });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var right = await MarketplaceUnderTest.SubmitFormAsync(browser, "/account/login", new() { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
    }

    [ModeFact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        var (_, email, password) = await factory.CompanyWithAdminAsync("Antiforgery Works");
        using var browser = factory.Browser();
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [ModeFact]
    public async Task Password_reset_by_emailed_link_works_once()
    {
        var (_, email, _) = await factory.CompanyWithAdminAsync("Reset Works");
        using var browser = factory.Browser();
        using var asked = await MarketplaceUnderTest.SubmitFormAsync(browser, "/account/forgot-password", new() { ["email"] = email });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var link = await factory.LinkFromMailAsync(email, "/account/reset-password");

        using var reset = await MarketplaceUnderTest.SubmitFormAsync(browser, link, new() { ["password"] = "Brand-new-pass-2" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var tokens = await factory.SignInAsync(email, "Brand-new-pass-2");
        Assert.True(tokens.TryGetProperty("access_token", out _));

        using var again = await MarketplaceUnderTest.SubmitFormAsync(browser, link, new() { ["password"] = "Another-pass-3" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [ModeFact]
    public async Task A_self_registered_company_admin_must_confirm_the_email_before_signing_in()
    {
        using var anonymous = factory.CreateClient();
        var email = $"self-{Guid.NewGuid():N}@example.test";
        using var registered = await anonymous.PostAsJsonAsync("/api/v1/registrations", new
        {
            organisation = new { name = "Self Made Recycling", naceCode = "38.32", country = "DK" },
            email, displayName = "Founder", password = "Self-made-pass-1",
        });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        using var browser = factory.Browser();
        using var early = await MarketplaceUnderTest.SubmitFormAsync(browser, "/account/login", new() { ["email"] = email, ["password"] = "Self-made-pass-1" });
        Assert.Contains("Confirm your email", await early.Content.ReadAsStringAsync());

        using var confirmed = await browser.GetAsync(await factory.LinkFromMailAsync(email, "/account/confirm-email"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var tokens = await factory.SignInAsync(email, "Self-made-pass-1");
        Assert.True(tokens.TryGetProperty("access_token", out _));
    }

    [ModeFact]
    public async Task A_company_admin_creates_lists_rotates_and_revokes_an_api_client()
    {
        var (organisationId, email, password) = await factory.CompanyWithAdminAsync("Client Keeper");
        var tokens = await factory.SignInAsync(email, password);
        using var admin = factory.WithToken(tokens.GetProperty("access_token").GetString()!);

        using var created = await admin.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/clients", new { name = "ERP link", scopes = new[] { "listings.read", "listings.write" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var clientId = body.GetProperty("clientId").GetString()!;
        var secret = body.GetProperty("clientSecret").GetString()!;
        var clientToken = new JsonWebToken(await factory.ClientTokenAsync(clientId, secret));
        Assert.Equal(organisationId.ToString(), clientToken.Claims.First(c => c.Type == "org_id").Value);

        var listed = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/clients")).GetProperty("items");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId && !c.TryGetProperty("clientSecret", out _));

        using var rotated = await admin.PostAsync($"/api/v1/organisations/{organisationId}/clients/{clientId}/secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.JsonAsync()).GetProperty("clientSecret").GetString()!;
        using var anonymous = factory.CreateClient();
        using var oldSecret = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, oldSecret.StatusCode);
        Assert.NotEmpty(await factory.ClientTokenAsync(clientId, newSecret));

        using var revoked = await admin.DeleteAsync($"/api/v1/organisations/{organisationId}/clients/{clientId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var afterRevoke = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = newSecret,
        }));
        Assert.False(afterRevoke.IsSuccessStatusCode);

        // The secret is stored hashed, never in clear.
        using var db = factory.OpenIdentityDatabase();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT COALESCE(ClientSecret, '') FROM OpenIddictApplications";
        var stored = new List<string>();
        using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, s => s.Contains(newSecret, StringComparison.Ordinal) || s.Contains(secret, StringComparison.Ordinal));
    }

    [ModeFact]
    public async Task Patch_with_a_stale_etag_is_refused_and_a_fresh_one_updates_and_publishes()
    {
        var (organisationId, email, password) = await factory.CompanyWithAdminAsync("Etag Works");
        var tokens = await factory.SignInAsync(email, password);
        using var admin = factory.WithToken(tokens.GetProperty("access_token").GetString()!);
        using var get = await admin.GetAsync($"/api/v1/organisations/{organisationId}");
        var etag = get.Headers.ETag!.Tag;

        using var ok = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/organisations/{organisationId}")
        {
            Content = JsonContent.Create(new { name = "Etag Works Renamed", address = "Ny vej 2" }),
            Headers = { { "If-Match", etag } },
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Etag Works Renamed", (await ok.JsonAsync()).GetProperty("name").GetString());

        using var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/organisations/{organisationId}")
        {
            Content = JsonContent.Create(new { name = "Lost update" }),
            Headers = { { "If-Match", etag } },
        });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Stale version", (await stale.JsonAsync()).GetProperty("title").GetString());

        using var db = factory.OpenIdentityDatabase();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM OutboxMessages WHERE AggregateId = $id AND MessageType LIKE '%OrganisationUpdated%'";
        query.Parameters.AddWithValue("$id", organisationId.ToString());
        Assert.True(Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [ModeFact]
    public async Task A_company_admin_cannot_invite_an_operator_or_manage_another_company()
    {
        var (organisationId, email, password) = await factory.CompanyWithAdminAsync("Invite Rules");
        var (otherId, _, _) = await factory.CompanyWithAdminAsync("Invite Rules Other");
        var tokens = await factory.SignInAsync(email, password);
        using var admin = factory.WithToken(tokens.GetProperty("access_token").GetString()!);

        using var operatorInvite = await admin.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/invitations", new { email = "x@example.test", role = "operator" });
        Assert.Equal(HttpStatusCode.BadRequest, operatorInvite.StatusCode);
        using var otherInvite = await admin.PostAsJsonAsync($"/api/v1/organisations/{otherId}/invitations", new { email = "y@example.test", role = "member" });
        Assert.Equal(HttpStatusCode.NotFound, otherInvite.StatusCode);
        using var otherClients = await admin.GetAsync($"/api/v1/organisations/{otherId}/clients");
        Assert.Equal(HttpStatusCode.NotFound, otherClients.StatusCode);
        using var members = await admin.GetAsync($"/api/v1/organisations/{organisationId}/members");
        Assert.Single((await members.JsonAsync()).GetProperty("items").EnumerateArray());
    }
}

[Collection(InProcessCollection.Name)]
public sealed class IdentityFlowInProcessTests(InProcessMarketplace marketplace) : IdentityFlowTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class IdentityFlowDistributedTests(DistributedMarketplace marketplace) : IdentityFlowTests(marketplace), IDistributedMode;
