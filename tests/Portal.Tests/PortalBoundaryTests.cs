using System.Net;
using System.Net.Http.Headers;

namespace Marketplace.Portal.Tests;

/// <summary>The portal shares the host with the API: its cookie and OpenID Connect schemes apply to its pages only.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalBoundaryTests(PortalHost host)
{
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(host.BaseUrl) };

    [Fact]
    public async Task The_API_still_answers_a_missing_or_bad_token_with_a_401_problem_not_a_sign_in_redirect()
    {
        using var client = Client();
        using var anonymous = await client.GetAsync("/api/v1/listings");
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/listings") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token") } };
        using var badAnswer = await client.SendAsync(bad);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badAnswer.StatusCode);
        Assert.Null(anonymous.Headers.Location);
        Assert.Contains("Bearer", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("frame-ancestors 'none'; base-uri 'none'; form-action 'self'", anonymous.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_portal_page_without_a_session_starts_the_authorization_code_flow_with_PKCE()
    {
        using var client = Client();
        using var response = await client.GetAsync("/listings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{host.BaseUrl}/connect/authorize?client_id=portal&redirect_uri={Uri.EscapeDataString(host.BaseUrl + "/signin-oidc")}", location);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_out_page_is_html_for_anyone_with_the_portals_headers()
    {
        using var client = Client();
        using var response = await client.GetAsync("/signed-out");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("base-uri 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("You are signed out", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_portal_address_is_the_portals_not_found_page_and_the_API_keeps_its_problem_answers()
    {
        using var client = Client();
        using var page = await client.GetAsync("/no-such-page/at-all?x=1");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("portal.css", html, StringComparison.Ordinal);

        using var api = await client.GetAsync("/api/v1/no-such-operation");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        using var wrongMethod = await client.DeleteAsync("/api/v1/listings");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);

        using var account = await client.GetAsync("/account/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, account.StatusCode);
        Assert.NotEqual("text/html", account.Content.Headers.ContentType?.MediaType);
    }
}
