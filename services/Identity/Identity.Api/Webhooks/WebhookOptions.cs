namespace Marketplace.Identity.Webhooks;

/// <summary>Section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Delay before the second attempt; it doubles with each further attempt, capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);
    /// <summary>How long a delivery is retried; one still failing at its end fails for good and disables its endpoint.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// Allow http:// and receivers on this machine or the private network. Honoured in demo mode and Development
    /// only (where it defaults to <c>true</c>); elsewhere it is always <c>false</c>.
    /// </summary>
    public bool? AllowInsecureUrls { get; set; }

    /// <summary>Whether local and plain-http receivers are allowed: never outside demo mode and Development; there unless set to <c>false</c>.</summary>
    public static bool LocalReceiversAllowed(bool? configured, bool demoOrDevelopment) => demoOrDevelopment && (configured ?? true);
}
