using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.ServiceDefaults.Idempotency;

/// <summary>
/// The request with an <c>Idempotency-Key</c> that is running in this async flow. Events it stages get message ids
/// derived from the key, and an outbox row is written in the same transaction as the state change: so the write
/// itself carries a marker of the key. A retry after a crash that came between the write's commit and the stored
/// answer stages the same ids again, its save fails on the unique message id and rolls back, and the interceptor
/// below recognises the marker: the request had been applied (nothing is written twice).
/// </summary>
internal sealed class IdempotentWrite
{
    private static readonly AsyncLocal<IdempotentWrite?> Ambient = new();
    private readonly HashSet<Guid> issued = [];
    private int staged;

    private IdempotentWrite(string recordKey) => RecordKey = recordKey;

    public static IdempotentWrite? Current => Ambient.Value;

    public string RecordKey { get; }

    /// <summary>The aggregate an earlier run of this request already wrote, when its marker was found.</summary>
    public string? AppliedAggregateId { get; set; }

    public static IdempotentWrite Begin(string recordKey) => Ambient.Value = new IdempotentWrite(recordKey);

    public static void End() => Ambient.Value = null;

    /// <summary>The n-th event staged by this request: the same id in every run of the same keyed request.</summary>
    public Guid NextMessageId()
    {
        var n = Interlocked.Increment(ref staged);
        var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{RecordKey}\n{n}")).AsSpan(0, 16));
        lock (issued)
        {
            issued.Add(id);
        }

        return id;
    }

    public Guid[] Issued()
    {
        lock (issued)
        {
            return [.. issued];
        }
    }
}

/// <summary>On a failed save in a keyed request, looks for the request's marker: was it applied by an earlier run?</summary>
internal sealed class IdempotentWriteInterceptor : SaveChangesInterceptor
{
    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Exception is not DbUpdateException || eventData.Context is not IOutboxContext db || IdempotentWrite.Current is not { } write)
        {
            return;
        }

        var ids = write.Issued();
        if (ids.Length == 0)
        {
            return;
        }

        try
        {
            var applied = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.MessageId)).Select(m => m.AggregateId).FirstOrDefaultAsync(cancellationToken);
            write.AppliedAggregateId ??= applied;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // the connection or transaction is unusable after the failure: the original exception stands
        }
    }
}
