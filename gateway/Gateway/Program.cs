using Marketplace.Gateway;
using Marketplace.ServiceDefaults;

// Configuration-first: one route per service prefix in appsettings.json; public URLs are forwarded unchanged.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.AddDownstreamHealthChecks();

var app = builder.Build();
app.UseProblemDetailsDefaults();
app.MapDefaultEndpoints();
app.MapReverseProxy();
app.Run();
