using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.ServiceDefaults.Outbox;

/// <summary>Wakes a context type's dispatcher as soon as a transaction that staged events commits.</summary>
internal static class OutboxSignal
{
    private static readonly ConcurrentDictionary<Type, SemaphoreSlim> Signals = new();

    public static SemaphoreSlim For(Type contextType) => Signals.GetOrAdd(contextType, _ => new SemaphoreSlim(0, 1));

    public static void Raise(Type contextType)
    {
        var signal = For(contextType);
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another writer raised it first; one wake-up is enough.
        }
    }
}

internal sealed class OutboxSignalInterceptor : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Track(DbContext? context)
    {
        if (context is IOutboxContext && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            Pending.AddOrUpdate(context, true);
        }
    }

    private static void Notify(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out _))
        {
            return;
        }

        Pending.Remove(context);
        // An ambient transaction may still roll back; the dispatcher then simply finds nothing new.
        var contextType = context.GetType();
        OutboxSignal.Raise(contextType);
        if (contextType.BaseType is { } baseType && baseType != typeof(DbContext))
        {
            OutboxSignal.Raise(baseType);
        }
    }
}
