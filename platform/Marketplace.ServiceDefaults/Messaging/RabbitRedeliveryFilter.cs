using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// Redelivery on a stock RabbitMQ (no delayed-message-exchange plugin): when the in-process retries are spent,
/// the message is copied to a per-delay holding queue whose TTL dead-letters it back to the endpoint's exchange.
/// The original is settled only after the copy is confirmed, so a crash in between redelivers it rather than
/// losing it. After the last delay the exception propagates and MassTransit moves the message to <c>_error</c>.
/// </summary>
/// <remarks>
/// The quick in-process retries run here too, inside each delivery: MassTransit places an endpoint's
/// <c>UseMessageRetry</c> outside any endpoint filter, which would turn the order around. Each attempt goes
/// through the consumer factory again and so gets a fresh DI scope (and DbContext).
/// </remarks>
internal sealed class RabbitRedeliveryFilter(
    RabbitRedeliveryPublisher publisher, TimeSpan[] retries, TimeSpan[] intervals, IReadOnlyList<Type> messageTypes) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await next.Send(context);
                    return;
                }
                catch (Exception ex) when (attempt < retries.Length && !context.CancellationToken.IsCancellationRequested)
                {
                    publisher.Logger.LogDebug(ex, "Message {MessageId} failed attempt {Attempt}; retrying", context.MessageId, attempt + 1);
                    await Task.Delay(retries[attempt], context.CancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var count = context.ReceiveContext.TransportHeaders.Get(RabbitRedeliveryPublisher.CountHeader, default(int?)) ?? 0;
            if (count >= intervals.Length)
            {
                throw;
            }

            await publisher.RedeliverAsync(context.ReceiveContext, intervals[count], count + 1, context.CancellationToken);
            // Settled as consumed (otherwise MassTransit would move it to _skipped): the copy carries the message on.
            await Settled.NotifyAsync(context, messageTypes, Stopwatch.GetElapsedTime(started));
            publisher.Logger.LogWarning(ex, "Message {MessageId} failed; redelivery {Count} of {Max} in {Delay}",
                context.MessageId, count + 1, intervals.Length, intervals[count]);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("rabbitRedelivery");

    /// <summary>NotifyConsumed is generic; the endpoint's consumers tell which message types to try.</summary>
    private static class Settled
    {
        private static readonly ConcurrentDictionary<Type, Func<ConsumeContext, TimeSpan, Task<bool>>> Notifiers = new();
        private static readonly MethodInfo Open = typeof(Settled).GetMethod(nameof(TryNotifyAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

        public static async Task NotifyAsync(ConsumeContext context, IReadOnlyList<Type> types, TimeSpan elapsed)
        {
            foreach (var type in types)
            {
                var notify = Notifiers.GetOrAdd(type, t => Open.MakeGenericMethod(t).CreateDelegate<Func<ConsumeContext, TimeSpan, Task<bool>>>());
                if (await notify(context, elapsed))
                {
                    return;
                }
            }
        }

        private static async Task<bool> TryNotifyAsync<T>(ConsumeContext context, TimeSpan elapsed)
            where T : class
        {
            if (!context.TryGetMessage<T>(out var typed))
            {
                return false;
            }

            await typed.NotifyConsumed(typed, elapsed, "redelivery");
            return true;
        }
    }
}
