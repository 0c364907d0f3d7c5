using System.Net;
using System.Net.Mail;
using Marketplace.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Mail;

/// <summary>Section <c>Identity:Smtp</c>. Without a host, mail is written as .eml files to {DataDir}/mail-outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Identity:Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@symbiosis.local";
}

public interface IMailSender
{
    Task SendAsync(string recipient, string subject, string textBody, CancellationToken cancellationToken = default) =>
        SendAsync(recipient, subject, textBody, new Dictionary<string, string>(), cancellationToken);

    /// <summary>With extra header fields, e.g. <c>List-Unsubscribe</c>.</summary>
    Task SendAsync(string recipient, string subject, string textBody, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken);
}

/// <summary>
/// One sender for both modes: <see cref="SmtpClient"/> drops mail into a pickup directory just as well as it
/// sends it, so Development gets real RFC 5322 messages to open, and production the same code over SMTP.
/// </summary>
internal sealed class MailSender(IOptions<SmtpOptions> smtp, IOptions<MarketplaceOptions> marketplace, ILogger<MailSender> log) : IMailSender
{
    public async Task SendAsync(string recipient, string subject, string textBody, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var settings = smtp.Value;
        using var message = new MailMessage(settings.From, recipient, subject, textBody);
        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            var outbox = Path.Combine(marketplace.Value.ResolveDataDir(), "mail-outbox");
            Directory.CreateDirectory(outbox);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = outbox;
            log.LogInformation("Mail to {To} ({Subject}) written to {Outbox}", recipient, subject, outbox);
        }
        else
        {
            client.Host = settings.Host;
            client.Port = settings.Port;
            client.EnableSsl = settings.EnableSsl;
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
