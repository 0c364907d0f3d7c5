using System.Collections.Concurrent;
using MassTransit;

namespace Marketplace.Testing;

/// <summary>
/// Counts, per message id, the deliveries that the consumers of one service (receive endpoints named
/// <c>{service}-…</c>) have finished with, successfully or not: the positive barrier for a message published straight
/// on the bus, after which "it had no (second) effect" can be asserted.
/// </summary>
public sealed class EndpointConsumption(string service) : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> counts = new();

    public int Count(Guid messageId) => counts.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Record(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Record(context);

    private Task Record(ConsumeContext context)
    {
        if (context.MessageId is { } id && context.ReceiveContext.InputAddress.AbsolutePath.TrimStart('/').StartsWith(service + "-", StringComparison.Ordinal))
        {
            counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }
}
