using System.Collections.Concurrent;
using MassTransit;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// On the in-memory transport a published message lives only in this process until its consumers have it, so the
/// outbox may not count it as sent on handing it to the bus: a crash would lose it. The outbox registers each message
/// before publishing it and waits for the task returned here, which completes once every in-process endpoint that
/// consumes the message's type has consumed it successfully. On RabbitMQ (a durable transport, publisher confirms)
/// this is off and the task is already complete.
/// </summary>
public sealed class InProcessConsumption
{
    private readonly ConcurrentDictionary<Guid, Pending> pending = new();
    private readonly ConcurrentDictionary<Type, string[]> expected = new();
    private readonly IReadOnlyDictionary<string, Type[]> endpoints;

    internal InProcessConsumption(bool enabled, IReadOnlyDictionary<string, Type[]> endpoints)
    {
        Enabled = enabled;
        this.endpoints = endpoints;
    }

    /// <summary>True on the in-memory transport.</summary>
    public bool Enabled { get; }

    /// <summary>Messages published and not yet consumed by all their endpoints (diagnostics, tests).</summary>
    public int PendingCount => pending.Count;

    /// <summary>
    /// Call before publishing. The task completes when every endpoint consuming <paramref name="messageType"/> has
    /// consumed <paramref name="messageId"/>. A second call for the same id (a republish) shares the first's wait, so
    /// an endpoint that consumed the earlier copy counts.
    /// </summary>
    public Task Expect(Guid messageId, Type messageType)
    {
        if (!Enabled)
        {
            return Task.CompletedTask;
        }

        var consumers = expected.GetOrAdd(messageType, t => [.. endpoints.Where(e => e.Value.Any(c => c.IsAssignableFrom(t))).Select(e => e.Key)]);
        return consumers.Length == 0 ? Task.CompletedTask : pending.GetOrAdd(messageId, _ => new Pending(consumers)).Task;
    }

    /// <summary>An endpoint consumed the message without an exception (its handler ran, or its inbox skipped a copy).</summary>
    internal void Consumed(Guid messageId, string endpoint)
    {
        if (pending.TryGetValue(messageId, out var entry) && entry.Consumed(endpoint))
        {
            pending.TryRemove(new KeyValuePair<Guid, Pending>(messageId, entry));
        }
    }

    private sealed class Pending(string[] endpoints)
    {
        private readonly HashSet<string> waiting = [.. endpoints];
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => done.Task;

        public bool Consumed(string endpoint)
        {
            lock (waiting)
            {
                if (!waiting.Remove(endpoint) || waiting.Count > 0)
                {
                    return false;
                }
            }

            done.TrySetResult();
            return true;
        }
    }
}

/// <summary>Tells <see cref="InProcessConsumption"/> that this endpoint consumed a message; nothing when it threw.</summary>
internal sealed class ConsumedSignalFilter(InProcessConsumption consumption, string endpoint) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        await next.Send(context);
        if (context.MessageId is { } id)
        {
            consumption.Consumed(id, endpoint);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("consumedSignal");
}
