using System.ComponentModel.DataAnnotations;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>Section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary><c>InMemory</c> (standalone) or <c>RabbitMq</c> (distributed).</summary>
    [Required, RegularExpression("^(InMemory|RabbitMq)$")]
    public string Transport { get; set; } = MessagingTransports.InMemory;

    /// <summary>amqp://user:password@host:5672/vhost</summary>
    public string? RabbitMqUrl { get; set; }

    /// <summary>MassTransit's default prefetch capped consumption near 3,400 msg/s here; a larger window keeps consumers busy.</summary>
    [Range(1, 10000)]
    public int PrefetchCount { get; set; } = 256;

    public static readonly TimeSpan[] DefaultRetryIntervals = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];
    public static readonly TimeSpan[] DefaultRedeliveryIntervals = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>
    /// In-process retries, fast, for transient faults. Empty means the defaults: a configured list replaces them
    /// (an initialised array would have the binder append to it instead).
    /// </summary>
    public TimeSpan[] RetryIntervals { get; set; } = [];

    /// <summary>After the retries, the message goes back to the broker and returns after each of these delays; then to <c>_error</c>.</summary>
    public TimeSpan[] RedeliveryIntervals { get; set; } = [];
}

public static class MessagingTransports
{
    public const string InMemory = "InMemory";
    public const string RabbitMq = "RabbitMq";
}
