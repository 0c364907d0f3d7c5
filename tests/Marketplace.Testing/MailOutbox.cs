using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Testing;

/// <summary>
/// Identity's pickup folder (<c>{DataDir}/mail-outbox</c>, written when no SMTP host is set), read as a mailbox: the mails
/// to one address, quoted-printable decoded, newest first, and the links they carry.
/// </summary>
public static partial class MailOutbox
{
    /// <summary>Every .eml addressed to <paramref name="to"/> under <paramref name="identityDataDir"/>, newest first, decoded.</summary>
    public static IReadOnlyList<string> MailsTo(string identityDataDir, string to)
    {
        var outbox = Path.Combine(identityDataDir, "mail-outbox");
        return [.. (Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : [])
            .Select(f => (File: f, Text: Decode(File.ReadAllText(f))))
            .Where(m => m.Text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => File.GetLastWriteTimeUtc(m.File)).Select(m => m.Text)];
    }

    /// <summary>
    /// Waits for the newest mail to <paramref name="to"/> that holds a link whose path starts with <paramref name="path"/>
    /// and returns that absolute link.
    /// </summary>
    public static Task<string> LinkAsync(string identityDataDir, string to, string path, TimeSpan? timeout = null) =>
        Poll.Eventually(() => Task.FromResult(MailsTo(identityDataDir, to)
            .Select(m => Regex.Match(m, $@"https?://[^\s/]+{Regex.Escape(path)}[^\s>]*"))
            .Where(m => m.Success).Select(m => m.Value).FirstOrDefault()), timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>The headers as written, the body decoded from its transfer encoding (quoted-printable or base64) as UTF-8.</summary>
    private static string Decode(string mail)
    {
        var split = mail.IndexOf("\r\n\r\n", StringComparison.Ordinal) is >= 0 and var at ? at : mail.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return mail;
        }

        var (headers, body) = (mail[..split], mail[split..].Trim());
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            return headers + "\r\n\r\n" + Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))));
        }

        if (!headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            return mail;
        }

        var joined = body.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>(joined.Length);
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && QuotedByte().IsMatch(joined.AsSpan(i, 3)))
            {
                bytes.Add(byte.Parse(joined.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return headers + "\r\n\r\n" + Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("^=[0-9A-F]{2}$")]
    private static partial Regex QuotedByte();
}
