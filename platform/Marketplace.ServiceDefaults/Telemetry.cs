using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Marketplace.ServiceDefaults;

public static class Telemetry
{
    public const string ActivitySourceName = "Marketplace";
    public const string MeterName = "Marketplace";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> OutboxPublished =
        Meter.CreateCounter<long>("marketplace.outbox.published", description: "Integration events published from the outbox");
    internal static readonly Counter<long> OutboxFailures =
        Meter.CreateCounter<long>("marketplace.outbox.failures", description: "Outbox publish attempts that failed");
}
