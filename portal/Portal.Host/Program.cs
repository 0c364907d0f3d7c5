using Marketplace.Portal;
using Marketplace.Portal.Host;
using Marketplace.ServiceDefaults;

// The company portal alone (distributed mode): behind the gateway at /, a client of the public API like any partner
// app, with its own key ring for session cookies. Standalone composes the same module inside the one process.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("portal");
builder.AddPortal();
builder.AddPortalProcess(); // its own key ring, forwarded host and readiness (standalone gets these from Identity)

var app = builder.Build();
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.UsePortal();
app.MapDefaultEndpoints();
app.MapPortal();
return await app.RunMarketplaceAsync(args);
