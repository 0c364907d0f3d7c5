using Marketplace.Gateway;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Edge;

// Configuration-first: one route per service prefix in appsettings.json; public URLs are forwarded unchanged.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddEdgePolicies();
builder.AddEdgeTokenValidation();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.AddDownstreamHealthChecks();
builder.AddMergedOpenApi();

var app = builder.Build();
app.UseEdgePolicies();
app.UseProblemDetailsDefaults();
// No UseAuthentication: the edge scheme has already run for the rate limiter and each route policy asks it again
// (answered from the request's cache); the middleware would add OpenIddict's per-request handling for nothing.
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapMergedOpenApi();
app.MapReverseProxy();
app.Run();
