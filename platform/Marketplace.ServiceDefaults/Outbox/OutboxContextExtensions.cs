using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Outbox;

public static class OutboxContextExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stages an integration event; it is stored by the caller's next <c>SaveChanges</c>, with the state change.</summary>
    public static OutboxMessage AddEvent<TEvent>(this IOutboxContext db, TEvent message, string aggregateId)
        where TEvent : class
    {
        var type = message.GetType();
        var row = new OutboxMessage
        {
            MessageId = Idempotency.IdempotentWrite.Current?.NextMessageId() ?? NewId.NextGuid(),
            AggregateId = aggregateId,
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(message, type, Json),
            CreatedAt = DateTime.UtcNow,
        };
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>True when this consumer already handled the message (a redelivery).</summary>
    public static Task<bool> HasProcessedAsync(this IOutboxContext db, ConsumeContext context, string consumer) =>
        db.InboxMessages.AnyAsync(m => m.MessageId == RequireMessageId(context) && m.Consumer == consumer, context.CancellationToken);

    /// <summary>Records the message as handled; saved with the consumer's own changes, so both or neither happen.</summary>
    public static void MarkProcessed(this IOutboxContext db, ConsumeContext context, string consumer) =>
        db.InboxMessages.Add(new InboxMessage { MessageId = RequireMessageId(context), Consumer = consumer, ProcessedAt = DateTime.UtcNow });

    /// <summary>
    /// A consumer's work under the inbox: nothing for a message this consumer already handled (a redelivery); otherwise
    /// the work, then its changes saved with the inbox row, so both or neither happen. False when it was skipped.
    /// </summary>
    public static async Task<bool> ConsumeOnceAsync<TContext>(this TContext db, ConsumeContext context, string consumer, Func<Task> work)
        where TContext : DbContext, IOutboxContext
    {
        if (await db.HasProcessedAsync(context, consumer))
        {
            return false;
        }

        await work();
        db.MarkProcessed(context, consumer);
        await db.SaveChangesAsync(context.CancellationToken);
        return true;
    }

    private static Guid RequireMessageId(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("An integration event arrived without a message id.");
}
