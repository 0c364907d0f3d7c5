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
// The run sequence is the services' own (RunMarketplaceAsync): `migrate`, `reindex` (Matching's search index) and
// `setup operator ...` (the first operator of a real installation) as the first argument run and exit.

return await StartupFailure.GuardAsync("marketplace", typeof(StandaloneArguments).Assembly.GetName().Name!, () => RunAsync(args));

static async Task<int> RunAsync(string[] args)
{
    var options = StandaloneArguments.Parse(SetupArguments.ForConfiguration(args));
    var builder = WebApplication.CreateBuilder(options.ConfigurationArgs);
    DataDirectoryLock.Acquire(HostComposition.DataDirectory(builder.Configuration));
    builder.AddServiceDefaults("marketplace");
    builder.AddEdgePolicies(); // the same door as the gateway: rate limits, body limits, correlation id, CORS, headers
    builder.AddIdentityService(); // first (checked at start): the token server the other services validate against
    builder.AddListings();
    builder.AddMatching();
    builder.AddBrokerage();
    builder.AddPortal(); // the company web portal at /, a client of the API above
    builder.AddMessaging(); // last (checked at start): after every module's consumers

    var app = builder.Build();
    app.UseEdgePolicies();
    app.UseServiceDefaults();
    app.UsePortal();
    app.MapDefaultEndpoints();
    app.MapIdentityService();
    app.MapListings();
    app.MapMatching();
    app.MapBrokerage();
    app.MapPortal();

    DemoSeeder.ScheduleAfterStart(app);
    return await app.RunMarketplaceAsync(args);
}
