using Marketplace.Identity.Webhooks;

namespace Marketplace.Security.Tests;

public sealed class WebhookRetryScheduleTests
{
    private static readonly DateTime Created = new(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc);
    private static readonly WebhookOptions Defaults = new();

    /// <summary>The attempts of a delivery that always fails, without jitter: when each one happens.</summary>
    private static List<TimeSpan> Attempts(double jitter)
    {
        var at = new List<TimeSpan>();
        DateTime? next = Created;
        for (var attempts = 1; next is { } now; attempts++)
        {
            at.Add(now - Created);
            next = WebhookRetrySchedule.NextAttempt(attempts, Created, now, Defaults, jitter);
        }

        return at;
    }

    [Fact]
    public void Delays_start_at_30_seconds_double_and_stop_at_2_hours()
    {
        var at = Attempts(0);
        var gaps = at.Zip(at.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3840, 7200, 7200], gaps.Take(10).Select(g => g.TotalSeconds));
    }

    [Fact]
    public void The_last_attempt_is_at_24_hours_then_the_delivery_fails()
    {
        var at = Attempts(0);
        Assert.Equal(TimeSpan.FromHours(24), at[^1]);
        Assert.Equal(20, at.Count);
        Assert.Null(WebhookRetrySchedule.NextAttempt(at.Count, Created, Created.AddHours(24), Defaults, 0));
    }

    [Fact]
    public void Jitter_adds_at_most_a_tenth_and_never_moves_past_the_window()
    {
        var at = Attempts(1);
        Assert.Equal(TimeSpan.FromSeconds(33), at[1]);
        Assert.Equal(TimeSpan.FromHours(24), at[^1]);
        Assert.All(at, t => Assert.True(t <= TimeSpan.FromHours(24)));
    }
}
