namespace Marketplace.Identity.Webhooks;

/// <summary>Section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Delay before the second attempt; it doubles with each further attempt, capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);
    /// <summary>How long a delivery is retried before it counts as failed.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Failed attempts in a row (across deliveries) after which the endpoint is disabled; a delivery that fails for the whole window disables it too.</summary>
    public int MaxConsecutiveFailures { get; set; } = 50;
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// Allow http:// and receivers on this machine or the private network. Honoured in demo mode and Development
    /// only (where it defaults to <c>true</c>); elsewhere it is always <c>false</c>.
    /// </summary>
    public bool? AllowInsecureUrls { get; set; }
}
