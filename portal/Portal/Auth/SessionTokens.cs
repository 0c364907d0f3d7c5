using System.Globalization;

namespace Marketplace.Portal.Auth;

/// <summary>When a session's access token must be refreshed: decided from the stored expiry alone.</summary>
public static class SessionTokens
{
    public enum Action
    {
        Keep,
        Refresh,
        SignInAgain,
    }

    /// <param name="expiresAt">The stored <c>expires_at</c> token value (round-trip format), or null.</param>
    /// <param name="hasRefreshToken">Whether the session holds a refresh token.</param>
    public static Action Decide(string? expiresAt, bool hasRefreshToken, DateTimeOffset now, TimeSpan refreshBefore)
    {
        if (!DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires))
        {
            return Action.SignInAgain;
        }

        if (expires - now > refreshBefore)
        {
            return Action.Keep;
        }

        return hasRefreshToken ? Action.Refresh : Action.SignInAgain;
    }
}
