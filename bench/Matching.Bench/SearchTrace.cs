using System.Diagnostics;

namespace Marketplace.Matching.Bench;

/// <summary>
/// The stages and counts of the last candidate search, read from the embedded engine's <c>matching.search</c> span
/// (see <c>MatchingTelemetry</c>): the benchmark listens to spans the way a tracer would.
/// </summary>
internal sealed class SearchTrace : IDisposable
{
    private readonly ActivityListener listener;

    public SearchTrace()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MatchingTelemetry.Source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.OperationName == "matching.search")
                {
                    Last = a.TagObjects.ToDictionary(t => t.Key, t => Convert.ToDouble(t.Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public Dictionary<string, double> Last { get; private set; } = [];

    /// <summary>A stage's milliseconds or a count, 0 when the span did not carry it.</summary>
    public TimeSpan Stage(string stage) => TimeSpan.FromMilliseconds(Last.GetValueOrDefault("matching.stage." + stage + ".ms"));

    public TimeSpan Count(string name) => TimeSpan.FromMilliseconds(Last.GetValueOrDefault("matching.search." + name));

    public void Dispose() => listener.Dispose();
}
