using Marketplace.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.ServiceDefaults;

public static class HostingExtensions
{
    /// <summary>
    /// The run sequence of every host, the standalone one and each service: <c>migrate</c> as the first argument
    /// applies every pending migration and exits (the Kubernetes Job); a verb a module registered (<c>reindex</c>,
    /// <c>setup</c>, see <see cref="HostComposition.AddCommand"/>) runs and exits; otherwise migrations run at start
    /// when <c>Database:MigrateOnStart</c> is true, then the modules' start steps, then the host serves.
    /// </summary>
    public static Task<int> RunMarketplaceAsync(this WebApplication app, string[] args) =>
        StartupFailure.GuardAsync(app.Services.GetService<HostComposition>()?.HostName ?? app.Environment.ApplicationName,
            app.Environment.ApplicationName, () => RunAsync(app, args));

    private static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var composition = app.Services.GetService<HostComposition>();
        if (args.Length > 0 && args[0] == "migrate")
        {
            await MigrationRunner.MigrateAllAsync(app.Services);
            Console.WriteLine("Migrations applied.");
            return 0;
        }

        if (args.Length > 0 && composition?.Commands.FirstOrDefault(c => c.Verb == args[0]) is { } command)
        {
            return await command.Run(app, args);
        }

        await app.MigrateOnStartAsync();
        foreach (var step in composition?.StartSteps ?? [])
        {
            await step(app);
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
