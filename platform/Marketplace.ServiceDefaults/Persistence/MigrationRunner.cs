using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Persistence;

public static class MigrationRunner
{
    /// <summary>Applies pending migrations of every service database registered in this host.</summary>
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrationRunner));
        foreach (var registration in services.GetServices<DatabaseRegistration>())
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to {Database}", pending.Count, registration.Name);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
    }
}
