using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Marketplace.ServiceDefaults.Messaging;

namespace Marketplace.ServiceDefaults.Outbox;

/// <summary>
/// Publishes stored events in sequence order per aggregate, then marks them sent: on RabbitMQ once the broker
/// confirmed the publish, on the in-memory bus once every in-process consumer consumed it. Aggregates are published in
/// parallel because a confirmed publish costs a broker round trip; a failure leaves the aggregate's remaining
/// events in the table, to go out in order on the next pass.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    InProcessConsumption consumption,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger,
    string name) : BackgroundService
    where TContext : DbContext, IOutboxContext
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new();
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private DateTime nextCleanup = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var signal = OutboxSignal.For(typeof(TContext));
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await DispatchOnceAsync(stoppingToken);
                backoff = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, o.MaxBackoff.Ticks));
                logger.LogWarning(ex, "Outbox {Name} pass failed; retrying in {Backoff}", name, backoff);
            }

            if (backoff > TimeSpan.Zero)
            {
                await Task.Delay(backoff, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            else if (!more)
            {
                try
                {
                    await signal.WaitAsync(o.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass; true when a full batch went out and more may be waiting.</summary>
    internal async Task<bool> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (!await TryAcquireLeaseAsync(db, o, cancellationToken))
        {
            return false;
        }

        var batch = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(o.BatchSize)
            .ToListAsync(cancellationToken);

        if (batch.Count == 0)
        {
            await CleanupAsync(db, o, cancellationToken);
            return false;
        }

        var (sent, failed) = await PublishInOrderAsync(batch, o, cancellationToken);
        await RecordAsync(db, sent, failed, cancellationToken);

        Telemetry.OutboxPublished.Add(sent.Count);
        if (!failed.IsEmpty)
        {
            throw new InvalidOperationException($"{failed.Count} event(s) could not be published: {failed.First().Error}");
        }

        return batch.Count == o.BatchSize;
    }

    /// <summary>
    /// Publishes the batch, aggregates in parallel and each aggregate's events in order: after a failure, its later
    /// events wait for the next pass.
    /// </summary>
    private async Task<(ConcurrentBag<long> Sent, ConcurrentBag<(long Sequence, string Error)> Failed)> PublishInOrderAsync(
        List<OutboxMessage> batch, OutboxOptions o, CancellationToken cancellationToken)
    {
        var sent = new ConcurrentBag<long>();
        var failed = new ConcurrentBag<(long Sequence, string Error)>();
        var groups = batch.GroupBy(m => m.AggregateId).Select(g => g.ToList());
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = o.MaxParallelAggregates, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                foreach (var message in group)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(o.PublishTimeout);
                    try
                    {
                        await PublishAsync(message, timeout.Token);
                        sent.Add(message.Sequence);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        failed.Add((message.Sequence, ex is OperationCanceledException
                            ? consumption.Enabled ? $"Not consumed within {o.PublishTimeout}." : $"Not confirmed by the broker within {o.PublishTimeout}."
                            : ex.Message));
                        Telemetry.OutboxFailures.Add(1);
                        return; // later events of this aggregate wait, so order holds
                    }
                }
            });
        return (sent, failed);
    }

    /// <summary>Marks what went out as sent and counts an attempt, with its error, on what did not.</summary>
    private async Task RecordAsync(TContext db, ConcurrentBag<long> sent, ConcurrentBag<(long Sequence, string Error)> failed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in sent.Chunk(500))
        {
            await db.OutboxMessages.Where(m => chunk.Contains(m.Sequence))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), cancellationToken);
        }

        foreach (var (sequence, error) in failed)
        {
            var text = error.Length > 2000 ? error[..2000] : error;
            await db.OutboxMessages.Where(m => m.Sequence == sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, text), cancellationToken);
        }
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Types.GetOrAdd(message.MessageType, static t => Type.GetType(t, throwOnError: false))
            ?? throw new InvalidOperationException($"Unknown event type {message.MessageType}.");
        var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxContextExtensions.Json)
            ?? throw new InvalidOperationException($"Event {message.MessageId} has an empty payload.");

        // In memory, a message handed to the bus is not yet safe: it is sent once every in-process consumer has it.
        var consumed = consumption.Expect(message.MessageId, type);
        await bus.Publish(payload, type, ctx =>
        {
            // The stored id travels as the message id, so a publish repeated after a crash is recognised by the inbox.
            ctx.MessageId = message.MessageId;
            ctx.Headers.Set("Aggregate-Id", message.AggregateId);
            ctx.Headers.Set("Outbox-Sequence", message.Sequence);
        }, cancellationToken);
        await consumed.WaitAsync(cancellationToken);
    }

    private async Task<bool> TryAcquireLeaseAsync(TContext db, OutboxOptions o, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + o.LeaseDuration;
        var taken = await db.OutboxLeases
            .Where(l => l.Name == name && (l.Owner == owner || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.OutboxLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        try
        {
            db.OutboxLeases.Add(new OutboxLease { Name = name, Owner = owner, ExpiresAt = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another replica created it first
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task CleanupAsync(TContext db, OutboxOptions o, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < nextCleanup)
        {
            return;
        }

        nextCleanup = now.AddMinutes(10);
        var cutoff = now - o.Retention;
        await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.InboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

public static class OutboxExtensions
{
    internal static IHostApplicationBuilder AddOutbox<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext, IOutboxContext
    {
        builder.Services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<OutboxDispatcher<TContext>>(sp, name));
        return builder;
    }
}
