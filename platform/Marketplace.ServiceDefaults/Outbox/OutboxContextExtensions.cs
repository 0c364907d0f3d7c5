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

    private static Guid RequireMessageId(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("An integration event arrived without a message id.");
}
