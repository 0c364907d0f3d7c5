using System.Globalization;

namespace Marketplace.Brokerage.Billing;

/// <summary>Billing periods (calendar months, <c>yyyy-MM</c>, in UTC) as pure functions.</summary>
public static class BillingPeriod
{
    /// <summary>
    /// The keyed <see cref="TimeProvider"/> billing reads the date from: the host's clock, registered under its own
    /// key so that a test can close a month without moving the clock of the token server.
    /// </summary>
    public const string ClockKey = "billing";

    public static DateOnly FirstDay(string period) => DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Of(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A run closes a month: refused (why, naming the month) until the month has ended in UTC.</summary>
    public static string? NotEndedError(string period, DateTimeOffset now)
    {
        var end = FirstDay(period).AddMonths(1);
        return DateOnly.FromDateTime(now.UtcDateTime) < end
            ? $"period {period} has not ended: a month is billed from {end:yyyy-MM-dd} (UTC), once its deliveries and memberships are known."
            : null;
    }

    /// <summary>Every month from the one containing <paramref name="from"/> up to <paramref name="period"/>, oldest first; just the period when <paramref name="from"/> is later or unknown.</summary>
    public static IReadOnlyList<string> MonthsUpTo(string period, DateOnly? from)
    {
        var last = FirstDay(period);
        if (from is not { } start || start >= last)
        {
            return [period];
        }

        var months = new List<string>();
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= last; month = month.AddMonths(1))
        {
            months.Add(Of(month));
        }

        return months;
    }
}
