namespace Marketplace.ServiceDefaults.Auth;

/// <summary>Whether a token's lifetime covers a moment: it must expire, not yet have expired, and have started.</summary>
public static class TokenLifetime
{
    /// <summary>How far ahead a token's start (nbf) may lie, for clocks of different machines that disagree a little.</summary>
    public static readonly TimeSpan NotBeforeSkew = TimeSpan.FromMinutes(1);

    /// <summary>
    /// True when <paramref name="expires"/> is given and still ahead of <paramref name="now"/> (no grace: a token
    /// is refused from the second it expires) and <paramref name="notBefore"/>, when given, is not more than
    /// <see cref="NotBeforeSkew"/> ahead. Times without a kind are read as UTC, as token handlers give them.
    /// </summary>
    public static bool IsCurrent(DateTime? notBefore, DateTime? expires, DateTimeOffset now)
    {
        if (expires is not { } exp || AsUtc(exp) <= now)
        {
            return false;
        }

        return notBefore is not { } nbf || AsUtc(nbf) <= now + NotBeforeSkew;
    }

    private static DateTimeOffset AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
