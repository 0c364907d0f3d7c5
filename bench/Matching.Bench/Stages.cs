using System.Diagnostics;

namespace Marketplace.Matching.Bench;

/// <summary>Per-stage durations over many runs, printed as p50/p95/mean.</summary>
internal sealed class Stages
{
    private readonly Dictionary<string, List<double>> values = [];
    private readonly List<string> order = [];

    public void Add(string stage, TimeSpan elapsed)
    {
        if (!values.TryGetValue(stage, out var list))
        {
            values[stage] = list = [];
            order.Add(stage);
        }

        list.Add(elapsed.TotalMilliseconds);
    }

    /// <summary>Records the time since <paramref name="lap"/> and moves the lap on.</summary>
    public void Lap(string stage, Stopwatch watch, ref TimeSpan lap)
    {
        var now = watch.Elapsed;
        Add(stage, now - lap);
        lap = now;
    }

    public void Clear()
    {
        values.Clear();
        order.Clear();
    }

    public void Print()
    {
        foreach (var stage in order)
        {
            var sorted = values[stage].Order().ToList();
            Console.WriteLine($"  {stage,-28} p50 {At(sorted, 50),8:0.00}  p95 {At(sorted, 95),8:0.00}  mean {sorted.Average(),8:0.00}");
        }
    }

    private static double At(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
