using Marketplace.Identity;
using Marketplace.Portal.Auth;

namespace Marketplace.Portal.Tests;

public sealed class SessionTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Before = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("2026-12-05T12:30:00.0000000+00:00", true, SessionTokens.Action.Keep)]
    [InlineData("2026-12-05T12:02:01.0000000+00:00", true, SessionTokens.Action.Keep)]
    [InlineData("2026-12-05T12:01:59.0000000+00:00", true, SessionTokens.Action.Refresh)]
    [InlineData("2026-12-05T11:00:00.0000000+00:00", true, SessionTokens.Action.Refresh)]
    [InlineData("2026-12-05T12:01:00.0000000+00:00", false, SessionTokens.Action.SignInAgain)]
    [InlineData("2026-12-05T13:01:00.0000000+01:00", true, SessionTokens.Action.Refresh)]
    [InlineData(null, true, SessionTokens.Action.SignInAgain)]
    [InlineData("not a date", true, SessionTokens.Action.SignInAgain)]
    public void A_token_is_refreshed_only_close_to_its_expiry_and_without_a_refresh_token_the_user_signs_in_again(
        string? expiresAt, bool hasRefreshToken, SessionTokens.Action expected) =>
        Assert.Equal(expected, SessionTokens.Decide(expiresAt, hasRefreshToken, Now, Before));

    [Fact]
    public void The_portal_client_comes_back_to_the_hosts_own_address_when_nothing_else_is_configured()
    {
        var client = PortalClient.For([], null, "http://0.0.0.0:5080;https://portal.example.test/");

        Assert.Equal(["http://localhost:5080/signin-oidc", "http://127.0.0.1:5080/signin-oidc", "https://portal.example.test/signin-oidc"], client.RedirectUris);
        Assert.Equal("http://localhost:5080/signout-callback-oidc", client.PostLogoutRedirectUris[0]);
    }

    [Fact]
    public void Configured_portal_urls_win_over_the_public_url_which_wins_over_the_listening_address()
    {
        Assert.Equal(["https://a.example/signin-oidc"], PortalClient.For(["https://a.example"], "https://b.example", "http://localhost:1").RedirectUris);
        Assert.Equal(["https://b.example/signin-oidc"], PortalClient.For([], "https://b.example/", "http://localhost:1").RedirectUris);
        Assert.Equal(["http://localhost:5080/signin-oidc", "http://127.0.0.1:5080/signin-oidc"], PortalClient.For([], null, null).RedirectUris);
    }

    [Theory]
    [InlineData("http://identity:8080/connect/authorize", "https://marketplace.example.org/", "https://marketplace.example.org/connect/authorize")]
    [InlineData("http://127.0.0.1:5101/connect/endsession", "http://127.0.0.1:5100/", "http://127.0.0.1:5100/connect/endsession")]
    [InlineData("https://marketplace.example.org/connect/authorize", "https://marketplace.example.org/", "https://marketplace.example.org/connect/authorize")]
    public void The_browser_is_sent_to_Identity_on_the_public_authority_whatever_address_the_discovery_document_was_read_from(string endpoint, string authority, string expected) =>
        Assert.Equal(expected, PortalAuthentication.PublicAddress(endpoint, new Uri(authority)));
}
