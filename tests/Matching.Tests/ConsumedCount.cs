using MassTransit;

namespace Marketplace.Matching.Tests;

/// <summary>Counts the deliveries of one message that a consumer has finished with, successfully or not: a positive barrier.</summary>
public sealed class ConsumedCount<T>(Guid messageId) : IConsumeMessageObserver<T>
    where T : class
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context) => Record(context);

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Record(context);

    private Task Record(ConsumeContext<T> context)
    {
        if (context.MessageId == messageId)
        {
            Interlocked.Increment(ref count);
        }

        return Task.CompletedTask;
    }
}
