using Marketplace.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.ServiceDefaults;

public static class HostingExtensions
{
    /// <summary>
    /// Runs a host. <c>migrate</c> as the first argument applies every pending migration and exits (the
    /// Kubernetes Job); otherwise migrations run at start when <c>Database:MigrateOnStart</c> is true,
    /// then <paramref name="seed"/> (reference data a service needs before it serves).
    /// </summary>
    public static Task<int> RunMarketplaceAsync(this WebApplication app, string[] args, Func<WebApplication, Task>? seed = null) =>
        StartupFailure.GuardAsync(app.Environment.ApplicationName, app.Environment.ApplicationName, () => RunAsync(app, args, seed));

    private static async Task<int> RunAsync(WebApplication app, string[] args, Func<WebApplication, Task>? seed)
    {
        if (args.Length > 0 && args[0] == "migrate")
        {
            await MigrationRunner.MigrateAllAsync(app.Services);
            Console.WriteLine("Migrations applied.");
            return 0;
        }

        await app.MigrateOnStartAsync();
        if (seed is not null)
        {
            await seed(app);
        }

        await app.RunAsync();
        return 0;
    }

    public static async Task MigrateOnStartAsync(this WebApplication app)
    {
        var options = app.Services.GetService<IOptions<DatabaseOptions>>();
        if (options?.Value.MigrateOnStart ?? false)
        {
            await MigrationRunner.MigrateAllAsync(app.Services);
        }
    }
}
