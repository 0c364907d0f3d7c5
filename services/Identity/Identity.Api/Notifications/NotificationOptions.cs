namespace Marketplace.Identity.Notifications;

/// <summary>Section <c>Notifications</c>: when the daily digest goes out and how often pending e-mail is looked for.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The digest's time of day in <see cref="TimeZone"/>.</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 0);

    /// <summary>An IANA time zone, e.g. <c>Europe/Copenhagen</c>: the operator's, since people of one territory share it.</summary>
    public string TimeZone { get; set; } = "UTC";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
