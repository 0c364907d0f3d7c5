using Marketplace.Identity;
using Marketplace.Identity.Setup;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Messaging;

return await StartupFailure.GuardAsync("identity", typeof(IdentityModule).Assembly.GetName().Name!, () => RunAsync(args));

static async Task<int> RunAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(SetupArguments.ForConfiguration(args));
    builder.AddServiceDefaults("identity");
    builder.AddIdentityService();
    builder.AddMessaging();

    var app = builder.Build();
    app.UseServiceDefaults();
    app.MapDefaultEndpoints();
    app.MapIdentityService();
    return await app.RunMarketplaceAsync(args);
}
