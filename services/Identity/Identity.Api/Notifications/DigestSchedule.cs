namespace Marketplace.Identity.Notifications;

/// <summary>
/// When a daily digest is due (pure): once a day at a time of day in the operator's time zone, for what was waiting
/// before that moment. A notification arriving after today's digest time waits for tomorrow's; a mailer that was down at
/// the time sends the missed digest when it is back.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The latest digest moment at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset Latest(DateTimeOffset now, TimeOnly time, TimeZoneInfo zone)
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var today = At(localToday, time, zone);
        return today <= now ? today : At(localToday.AddDays(-1), time, zone);
    }

    /// <summary>The first digest moment after <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset now, TimeOnly time, TimeZoneInfo zone)
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var today = At(localToday, time, zone);
        return today > now ? today : At(localToday.AddDays(1), time, zone);
    }

    /// <summary>
    /// Due when something waited since before the latest digest moment and no digest went out since that moment.
    /// </summary>
    public static bool IsDue(DateTimeOffset now, TimeOnly time, TimeZoneInfo zone, DateTimeOffset? lastDigestAt, DateTimeOffset oldestWaitingAt)
    {
        var latest = Latest(now, time, zone);
        return oldestWaitingAt <= latest && (lastDigestAt is null || lastDigestAt < latest);
    }

    /// <summary>The moment <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>; a time skipped by a clock change is taken an hour later.</summary>
    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
