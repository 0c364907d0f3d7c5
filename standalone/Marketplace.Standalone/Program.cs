using Marketplace.Brokerage;
using Marketplace.Identity;
using Marketplace.Identity.Setup;
using Marketplace.Listings;
using Marketplace.Matching;
using Marketplace.Portal;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Edge;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Standalone;

// One process hosting every service: in-memory bus, SQLite files and the embedded index under --data-dir.
// `reindex` as the first argument rebuilds Matching's search index from its stored listings and exits;
// `setup operator ...` creates the first operator of a real installation and exits.

return await StartupFailure.GuardAsync("marketplace", typeof(StandaloneArguments).Assembly.GetName().Name!, () => RunAsync(args));

static async Task<int> RunAsync(string[] args)
{
    var options = StandaloneArguments.Parse(SetupArguments.ForConfiguration(args));
    var builder = WebApplication.CreateBuilder(options.ConfigurationArgs);
    DataDirectoryLock.Acquire(builder.Configuration["Marketplace:DataDir"] ?? "data");
    builder.AddServiceDefaults("marketplace");
    builder.AddEdgePolicies(); // the same door as the gateway: rate limits, body limits, correlation id, CORS, headers
    builder.AddIdentityService(); // first: the token server the other services validate against
    builder.AddListings();
    builder.AddMatching();
    builder.AddBrokerage();
    builder.AddPortal(); // the company web portal at /, a client of the API above
    builder.AddMessaging();

    var app = builder.Build();
    if ((await app.RunMatchingCommandAsync(args) ?? await app.RunIdentityCommandAsync(args)) is { } exitCode)
    {
        return exitCode;
    }

    app.UseEdgePolicies();
    app.UseProblemDetailsDefaults();
    app.UseAuthentication();
    app.UseAuthorization();
    app.MapDefaultEndpoints();
    app.MapIdentityService();
    app.MapListings();
    app.MapMatching();
    app.MapBrokerage();
    app.MapPortal();

    await app.MigrateOnStartAsync();
    await app.SeedIdentityAsync();
    DemoSeeder.ScheduleAfterStart(app);
    await app.RunAsync();
    return 0;
}
