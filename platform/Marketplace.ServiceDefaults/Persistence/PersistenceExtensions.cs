using Marketplace.ServiceDefaults.Idempotency;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Marketplace.ServiceDefaults.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers a service's DbContext with the provider named in configuration. Each provider has its own
    /// derived context type so that its migrations live apart (<typeparamref name="TSqlite"/>,
    /// <typeparamref name="TSqlServer"/>) while the service code only sees <typeparamref name="TContext"/>.
    /// Also wires the outbox dispatcher, the readiness check and the migration at start.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TSqlServer>(
        this IHostApplicationBuilder builder, string name)
        where TContext : DbContext, IOutboxContext
        where TSqlite : TContext
        where TSqlServer : TContext
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? DatabaseProviders.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString(name);

        if (string.Equals(provider, DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Database:Provider is SqlServer but ConnectionStrings:{name} is not set.");
            }

            builder.Services.AddDbContext<TContext, TSqlServer>(o => o
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure(5))
                .ReplaceService<IModelCustomizer, UtcDateTimeModelCustomizer>()
                .AddInterceptors(new OutboxSignalInterceptor(), new IdempotentWriteInterceptor()));
        }
        else
        {
            var dataDir = HostComposition.DataDirectory(builder.Configuration);
            var resolved = SqliteConnectionString(connectionString, dataDir, name);
            builder.Services.AddDbContext<TContext, TSqlite>(o => o
                .UseSqlite(resolved)
                .ReplaceService<IModelCustomizer, UtcDateTimeModelCustomizer>()
                .AddInterceptors(new SqlitePragmaInterceptor(), new OutboxSignalInterceptor(), new IdempotentWriteInterceptor()));
        }

        builder.Services.AddSingleton(new DatabaseRegistration(name, typeof(TContext)));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"db-{name}",
            sp => new DbContextHealthCheck<TContext>(sp),
            HealthStatus.Unhealthy,
            [ServiceDefaultsExtensions.ReadyTag]));
        builder.AddOutbox<TContext>(name);
        builder.AddIdempotency();
        return builder;
    }

    internal static string SqliteConnectionString(string? configured, string dataDir, string name)
    {
        var csb = new SqliteConnectionStringBuilder(configured ?? string.Empty);
        if (string.IsNullOrEmpty(csb.DataSource))
        {
            var dir = Path.GetFullPath(dataDir);
            Directory.CreateDirectory(dir);
            csb.DataSource = Path.Combine(dir, $"{name}.db");
        }

        // Writers queue on SQLite's lock instead of failing with SQLITE_BUSY.
        csb.DefaultTimeout = Math.Max(csb.DefaultTimeout, 30);
        csb.Pooling = true;
        return csb.ToString();
    }
}

/// <summary>One registered service database, so that <c>migrate</c> and start-up can find them all.</summary>
public sealed record DatabaseRegistration(string Name, Type ContextType);
