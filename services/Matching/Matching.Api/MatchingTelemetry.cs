using System.Diagnostics;
using System.Diagnostics.Metrics;
using Marketplace.ServiceDefaults;

namespace Marketplace.Matching;

/// <summary>
/// Where matching spends its time, for traces and metrics instead of hand-kept timers: the stages of applying a
/// listing and of one candidate search go to the <c>marketplace.matching.stage.duration</c> histogram (tag
/// <c>stage</c>; read it with <c>dotnet-counters monitor --counters Marketplace</c>) and, when a trace is recorded,
/// onto the current span as <c>matching.stage.&lt;stage&gt;.ms</c>. The search adds its counts (clauses, postings,
/// segments, cache hits, recent hits) to its <c>matching.search</c> span.
/// </summary>
public static class MatchingTelemetry
{
    public static readonly ActivitySource Source = new(Telemetry.ActivitySourceName);

    private static readonly Meter Meter = new(Telemetry.MeterName);

    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "marketplace.matching.stage.duration", unit: "ms", description: "Time spent in one stage of matching a listing");

    /// <summary>Records the time since <paramref name="since"/> as <paramref name="stage"/>, and moves <paramref name="since"/> on.</summary>
    public static void Lap(string stage, ref long since)
    {
        var now = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(since, now).TotalMilliseconds;
        StageDuration.Record(ms, new KeyValuePair<string, object?>("stage", stage));
        Activity.Current?.SetTag("matching.stage." + stage + ".ms", ms);
        since = now;
    }
}
