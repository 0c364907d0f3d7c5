using System.ComponentModel.DataAnnotations;

namespace Marketplace.ServiceDefaults.Outbox;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Aggregates published at once; events of one aggregate always go out one after another.</summary>
    [Range(1, 1024)]
    public int MaxParallelAggregates { get; set; } = 64;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Longest wait for one publish to be confirmed by the broker (RabbitMQ), or consumed by every in-process consumer
    /// (in-memory bus). A publish caught in a broker connection that died under it, or a message whose consumer keeps
    /// failing, is abandoned after this and published again on a later pass, instead of holding the dispatcher forever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Sent rows and inbox rows are kept this long, then removed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
