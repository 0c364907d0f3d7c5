using System.Security.Cryptography;

namespace Marketplace.Identity.Tokens;

internal static class RandomSecrets
{
    /// <summary>32 random bytes as URL-safe base64 without padding: client secrets, webhook secrets and invitation tokens.</summary>
    public static string UrlSafe() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
