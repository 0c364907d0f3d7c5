using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Marketplace.Portal.Auth;

/// <summary>
/// Keeps a session's access token fresh: shortly before it expires the refresh token buys a new pair (Identity rotates
/// refresh tokens), written back into the session cookie. When that fails (revoked, expired, account locked) the
/// session ends and the page's challenge sends the user through sign-in and back to where they were.
/// </summary>
internal sealed class SessionTokenEvents(
    IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> oidc, IOptions<PortalOptions> portal, TimeProvider clock,
    ILogger<SessionTokenEvents> log) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = clock.GetUtcNow();
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var action = SessionTokens.Decide(context.Properties.GetTokenValue("expires_at"), refreshToken is not null, now, portal.Value.RefreshBefore);
        if (action == SessionTokens.Action.Keep)
        {
            return;
        }

        var tokens = action == SessionTokens.Action.Refresh ? await RefreshAsync(refreshToken!, context.HttpContext.RequestAborted) : null;
        if (tokens is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalAuthentication.CookieScheme);
            return;
        }

        context.Properties.UpdateTokenValue("access_token", tokens.Value.AccessToken);
        context.Properties.UpdateTokenValue("expires_at", now.AddSeconds(tokens.Value.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        if (tokens.Value.RefreshToken is { } rotated)
        {
            context.Properties.UpdateTokenValue("refresh_token", rotated);
        }

        context.ShouldRenew = true;
    }

    private async Task<(string AccessToken, string? RefreshToken, int ExpiresIn)?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var options = oidc.Get(PortalAuthentication.OidcScheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var response = await clients.CreateClient(nameof(SessionTokenEvents)).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["client_id"] = options.ClientId!,
                    ["refresh_token"] = refreshToken,
                }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                log.LogInformation("Portal session refresh refused ({Status}); the user signs in again", (int)response.StatusCode);
                return null;
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = body.RootElement;
            return (root.GetProperty("access_token").GetString()!,
                root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString() : null,
                root.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 300);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException or KeyNotFoundException)
        {
            log.LogWarning(e, "Portal session refresh failed; the user signs in again");
            return null;
        }
    }
}
