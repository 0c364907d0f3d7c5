using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Identity.Webhooks;

/// <summary>
/// <c>Symbiosis-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>. The timestamp is inside
/// the signed text, so a captured delivery cannot be replayed later with a fresh time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Symbiosis-Signature";

    /// <summary>The data-protection purpose under which an endpoint's signing secret is stored.</summary>
    public const string SecretPurpose = "Marketplace.Webhooks.Secret";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
