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
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapMergedOpenApi();
app.MapReverseProxy();
app.Run();
