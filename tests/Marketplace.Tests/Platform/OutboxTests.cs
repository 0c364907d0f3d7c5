using System.Collections.Concurrent;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Outbox;
using Marketplace.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Tests.Platform;

public sealed record CounterChanged(string Counter, int Value);

public sealed class Received
{
    public ConcurrentQueue<(Guid MessageId, CounterChanged Message)> Messages { get; } = new();
}

public sealed class CounterChangedConsumer(Received received) : IConsumer<CounterChanged>
{
    public Task Consume(ConsumeContext<CounterChanged> context)
    {
        received.Messages.Enqueue((context.MessageId!.Value, context.Message));
        return Task.CompletedTask;
    }
}

public sealed class Counter
{
    public required string Id { get; set; }
    public int Value { get; set; }
}

public abstract class CounterDb(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxEntities();
        modelBuilder.Entity<Counter>().HasKey(c => c.Id);
    }
}

public sealed class SqliteCounterDb(DbContextOptions<SqliteCounterDb> options) : CounterDb(options);

public sealed class SqlServerCounterDb(DbContextOptions<SqlServerCounterDb> options) : CounterDb(options);

public sealed class OutboxTests : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "outbox-tests-" + Guid.NewGuid().ToString("N"));
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Marketplace:DataDir"] = dataDir;
        builder.Configuration["Outbox:PollInterval"] = "00:00:00.200";
        builder.Services.AddSingleton<Received>();
        builder.AddServiceDatabase<CounterDb, SqliteCounterDb, SqlServerCounterDb>("counters");
        builder.AddConsumer<CounterChangedConsumer>("tests");
        builder.AddMessaging();
        host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CounterDb>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Events_saved_with_their_state_change_are_published_once_each_in_order_per_aggregate()
    {
        const int aggregates = 20;
        const int perAggregate = 50;
        for (var round = 1; round <= perAggregate; round++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CounterDb>();
            for (var a = 0; a < aggregates; a++)
            {
                var id = $"c{a}";
                var counter = await db.Counters.FindAsync(id);
                if (counter is null)
                {
                    counter = new Counter { Id = id };
                    db.Counters.Add(counter);
                }

                counter.Value = round;
                db.AddEvent(new CounterChanged(id, round), id);
            }

            await db.SaveChangesAsync();
        }

        var received = host.Services.GetRequiredService<Received>();
        await WaitUntil(() => received.Messages.Count >= aggregates * perAggregate, TimeSpan.FromSeconds(30));
        await WaitUntilDrainedAsync(); // every row handed over and consumed: a second publication would have arrived

        var messages = received.Messages.ToList();
        Assert.Equal(aggregates * perAggregate, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
        foreach (var group in messages.GroupBy(m => m.Message.Counter))
        {
            Assert.Equal(Enumerable.Range(1, perAggregate), group.Select(m => m.Message.Value));
        }

        await using var check = host.Services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<CounterDb>();
        Assert.Equal(0, await stored.OutboxMessages.CountAsync(m => m.SentAt == null));
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Counters.Add(new Counter { Id = "rolled-back", Value = 1 });
            db.AddEvent(new CounterChanged("rolled-back", 1), "rolled-back");
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDb>();
            db.Counters.Add(new Counter { Id = "committed", Value = 1 });
            db.AddEvent(new CounterChanged("committed", 1), "committed");
            await db.SaveChangesAsync();
        }

        var received = host.Services.GetRequiredService<Received>();
        await WaitUntil(() => received.Messages.Any(m => m.Message.Counter == "committed"), TimeSpan.FromSeconds(10));
        await WaitUntilDrainedAsync(); // had the rolled-back event left a row, it would have been delivered by now
        Assert.DoesNotContain(received.Messages, m => m.Message.Counter == "rolled-back");
    }

    /// <summary>
    /// The positive barrier for "nothing more arrives": no outbox row is left unsent. In process a row is marked sent
    /// only after every consumer has consumed it, so whatever was ever queued has been received by then.
    /// </summary>
    private async Task WaitUntilDrainedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<CounterDb>().OutboxMessages.AnyAsync(m => m.SentAt == null))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox still holds unsent rows.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Condition not met in time.");
            }

            await Task.Delay(50);
        }
    }
}
