using Marketplace.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    public const string DatabaseName = "idempotency";

    /// <summary>
    /// One small database per host for idempotency records (its own migrations, both providers), registered the
    /// first time a service database is. Called by <see cref="PersistenceExtensions.AddServiceDatabase{TContext,TSqlite,TSqlServer}"/>.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        var composition = builder.Composition();
        if (composition.IdempotencyRegistered)
        {
            return builder;
        }

        composition.IdempotencyRegistered = true;

        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? DatabaseProviders.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString(DatabaseName);
        if (string.Equals(provider, DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            // Without its own connection string the records share the service's SQL Server database (own table).
            connectionString ??= builder.Configuration.GetSection("ConnectionStrings").GetChildren().Select(c => c.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?? throw new InvalidOperationException($"Database:Provider is SqlServer but no ConnectionStrings:{DatabaseName} (or any other) is set.");
            builder.Services.AddDbContext<IdempotencyDbContext, SqlServerIdempotencyDbContext>(o => o.UseSqlServer(connectionString,
                sql => sql.EnableRetryOnFailure(5).MigrationsHistoryTable("__IdempotencyMigrationsHistory")));
        }
        else
        {
            var dataDir = HostComposition.DataDirectory(builder.Configuration);
            var resolved = PersistenceExtensions.SqliteConnectionString(connectionString, dataDir, DatabaseName);
            builder.Services.AddDbContext<IdempotencyDbContext, SqliteIdempotencyDbContext>(o => o.UseSqlite(resolved).AddInterceptors(new SqlitePragmaInterceptor()));
        }

        builder.Services.AddSingleton(new DatabaseRegistration(DatabaseName, typeof(IdempotencyDbContext)));
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section);
        builder.Services.AddHostedService<IdempotencySweeper>();
        return builder;
    }

    /// <summary>After authentication and authorization, so a key belongs to the caller. Does nothing in a host without the store.</summary>
    public static WebApplication UseIdempotency(this WebApplication app)
    {
        // Asks whether the store is registered without resolving it: its options are scoped, and resolving a scoped
        // service from the root provider fails where scope validation is on (Development).
        if (app.Services.GetService<IServiceProviderIsService>() is { } registered && registered.IsService(typeof(IdempotencyDbContext)))
        {
            app.UseMiddleware<IdempotencyMiddleware>();
        }

        return app;
    }
}

/// <summary>Section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";
    /// <summary>How long a completed answer is kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a request in flight holds its key without renewal: a retry after a crash runs after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a running request renews its lease.</summary>
    public TimeSpan LeaseRenewal { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Bodies larger than this are not buffered for hashing; such requests are answered 413 when they carry a key.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}

internal sealed class IdempotencySweeper(IServiceProvider services, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits a minute: at start the host may still be applying the migration that creates the table,
        // and a failed DELETE logged by EF on every start reads like a fault.
        await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(30), clock);
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdempotencyDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                await db.IdempotencyRecords.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The table may not exist before the first migration; the next sweep tries again.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
