using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Marketplace.Matching.Bench;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, naming the type that crossed the mark),
/// summed by type while <see cref="Enabled"/>: where a stage's allocations come from, without an external profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> bytes = new();

    public bool Enabled { get; set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick at Verbose
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Enabled || e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames?.IndexOf("TypeName") is int t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames?.IndexOf("AllocationAmount64") is int a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    public void Print(int top)
    {
        var total = bytes.Values.Sum();
        Console.WriteLine($"  allocation samples by type (about {total / 1e6:0} MB in all):");
        foreach (var (type, amount) in bytes.OrderByDescending(kv => kv.Value).Take(top))
        {
            Console.WriteLine($"    {amount / 1e6,8:0.0} MB  {amount * 100.0 / total,5:0.0} %  {type}");
        }
    }
}
