namespace Marketplace.Identity.Webhooks;

/// <summary>
/// When a failed delivery is tried again: <see cref="WebhookOptions.InitialRetryDelay"/> doubling per attempt, capped
/// at <see cref="WebhookOptions.MaxRetryDelay"/>, plus up to 10 % jitter; the last attempt falls exactly at the end of
/// <see cref="WebhookOptions.RetryWindow"/> after the delivery was created. Counted per delivery, never across them.
/// </summary>
internal static class WebhookRetrySchedule
{
    /// <summary>The next attempt after <paramref name="attempts"/> failed ones, the last at <paramref name="now"/>; <c>null</c> when the window is over (the delivery fails for good).</summary>
    /// <param name="jitter">0 to 1: the share of the 10 % jitter to add.</param>
    public static DateTime? NextAttempt(int attempts, DateTime createdAt, DateTime now, WebhookOptions settings, double jitter)
    {
        var deadline = createdAt + settings.RetryWindow;
        if (now >= deadline)
        {
            return null;
        }

        var next = now + Delay(attempts, settings, jitter);
        return next < deadline ? next : deadline;
    }

    public static TimeSpan Delay(int attempts, WebhookOptions settings, double jitter)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.InitialRetryDelay.Ticks * factor, settings.MaxRetryDelay.Ticks));
        // Jitter, so endpoints that failed together do not all come back at the same second.
        return delay + TimeSpan.FromTicks((long)(delay.Ticks * 0.1 * Math.Clamp(jitter, 0, 1)));
    }
}
