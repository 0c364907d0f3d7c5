using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// Redelivery on a stock RabbitMQ (no delayed-message-exchange plugin): when the in-process retries are spent,
/// the message is copied to a per-delay holding queue whose TTL dead-letters it back to the endpoint's exchange.
/// It is acked only after the copy is confirmed, so a crash in between redelivers it rather than losing it.
/// After the last delay the exception propagates and MassTransit moves the message to <c>_error</c>.
/// </summary>
internal sealed class RabbitRedeliveryFilter(RabbitRedeliveryPublisher publisher, TimeSpan[] intervals) : IFilter<ConsumeContext>
{
    public const string CountHeader = "Marketplace-Redelivery-Count";

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var count = context.ReceiveContext.TransportHeaders.Get(CountHeader, default(int?)) ?? 0;
            if (count >= intervals.Length)
            {
                throw;
            }

            await publisher.RedeliverAsync(context.ReceiveContext, intervals[count], count + 1, context.CancellationToken);
            publisher.Logger.LogWarning(ex, "Message {MessageId} failed; redelivery {Count} of {Max} in {Delay}",
                context.MessageId, count + 1, intervals.Length, intervals[count]);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("rabbitRedelivery");
}
