using System.Diagnostics;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Outbox;
using Marketplace.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Bench;

public sealed record FlowRecorded(string Flow, int Sequence);

public sealed class Counter
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);
}

public sealed class FlowRecordedConsumer(Counter counter) : IConsumer<FlowRecorded>
{
    public Task Consume(ConsumeContext<FlowRecorded> context)
    {
        counter.Increment();
        return Task.CompletedTask;
    }
}

public sealed class Flow
{
    public required string Id { get; set; }
    public int Sequence { get; set; }
}

public abstract class BenchDb(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public DbSet<Flow> Flows => Set<Flow>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxEntities();
        modelBuilder.Entity<Flow>().HasKey(f => f.Id);
    }
}

public sealed class SqliteBenchDb(DbContextOptions<SqliteBenchDb> options) : BenchDb(options);

public sealed class SqlServerBenchDb(DbContextOptions<SqlServerBenchDb> options) : BenchDb(options);

/// <summary>
/// Events per second through the transactional outbox: state change and event saved together in SQLite, the
/// dispatcher publishing to the bus, a consumer counting arrivals. Write and dispatch overlap, as in production.
/// </summary>
public static class OutboxBenchmark
{
    public static async Task<int> RunAsync(int events, string? rabbitUrl)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "outbox-bench-" + Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Marketplace:DataDir"] = dataDir;
        if (rabbitUrl is not null)
        {
            builder.Configuration["Messaging:Transport"] = "RabbitMq";
            builder.Configuration["Messaging:RabbitMqUrl"] = rabbitUrl;
        }

        builder.Services.AddSingleton<Counter>();
        builder.AddServiceDatabase<BenchDb, SqliteBenchDb, SqlServerBenchDb>("bench");
        builder.AddConsumer<FlowRecordedConsumer>("bench-" + Guid.NewGuid().ToString("N")[..6]);
        builder.AddMessaging();
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BenchDb>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
        var counter = host.Services.GetRequiredService<Counter>();
        const int aggregates = 1000;
        const int perTransaction = 100;

        var watch = Stopwatch.StartNew();
        var written = 0;
        while (written < events)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDb>();
            for (var i = 0; i < perTransaction && written < events; i++, written++)
            {
                var id = $"flow-{written % aggregates}";
                db.Flows.Add(new Flow { Id = $"{id}-{written}", Sequence = written });
                db.AddEvent(new FlowRecorded(id, written), id);
            }

            await db.SaveChangesAsync();
        }

        var writeSeconds = watch.Elapsed.TotalSeconds;
        while (counter.Count < events)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                Console.WriteLine($"timed out with {counter.Count} of {events} delivered");
                return 1;
            }

            await Task.Delay(10);
        }

        var total = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"transport: {(rabbitUrl is null ? "in-memory" : "RabbitMQ")}");
        Console.WriteLine($"events: {events} in transactions of {perTransaction}, {aggregates} aggregates");
        Console.WriteLine($"written (state + event, committed): {events / writeSeconds:N0} events/s");
        Console.WriteLine($"end to end (committed -> consumed): {events / total:N0} events/s ({total:0.00} s)");
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
        return 0;
    }
}
