using System.Security.Cryptography;
using System.Text;
using Marketplace.ServiceDefaults;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Identity.Account;

/// <summary>The tokens that travel in emailed links, and the address those links start with.</summary>
internal static class AccountTokens
{
    /// <summary>What is stored of an invitation token: its SHA-256, so a database read does not yield usable links.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PublicBase(HttpContext http, MarketplaceOptions marketplace) =>
        string.IsNullOrWhiteSpace(marketplace.PublicUrl) ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}" : marketplace.PublicUrl.TrimEnd('/');

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token in a link's code, or empty for a code that is not base64url (Identity then refuses it).</summary>
    public static string Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
