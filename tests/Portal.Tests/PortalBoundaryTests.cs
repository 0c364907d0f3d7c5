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
}
