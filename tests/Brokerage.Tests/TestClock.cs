using System.Globalization;

namespace Marketplace.Brokerage.Tests;

/// <summary>
/// Billing's clock in the test host: real time, unless a test moves it to a given instant for the span of a <c>using</c> (tests of one
/// collection run one at a time, so a moved clock is seen only by the test that moved it).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    /// <summary>Moves the clock to <paramref name="instant"/> (it keeps running from there) until disposed.</summary>
    public IDisposable At(DateTimeOffset instant)
    {
        offset = instant - base.GetUtcNow();
        return new Restore(this);
    }

    /// <summary>The first hour after <paramref name="period"/> (yyyy-MM) ended, when that is later than now; else now.</summary>
    public IDisposable AfterPeriod(string period)
    {
        var ended = new DateTimeOffset(DateTime.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeSpan.Zero)
            .AddMonths(1).AddHours(1);
        return At(ended > base.GetUtcNow() ? ended : base.GetUtcNow());
    }

    private sealed class Restore(TestClock clock) : IDisposable
    {
        public void Dispose() => clock.offset = TimeSpan.Zero;
    }
}
