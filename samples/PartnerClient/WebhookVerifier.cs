using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PartnerClient;

/// <summary>
/// Checks <c>Symbiosis-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>: the HMAC over the
/// exact bytes received, compared in constant time, and a timestamp no older than the tolerance (no replays).
/// </summary>
public static class WebhookVerifier
{
    public static bool Verify(string secret, string signatureHeader, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        string? t = null, v1 = null;
        foreach (var part in signatureHeader.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2)
            {
                continue;
            }

            if (kv[0] == "t") { t = kv[1]; }
            else if (kv[0] == "v1") { v1 = kv[1]; }
        }

        if (t is null || v1 is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        byte[] given;
        try
        {
            given = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
