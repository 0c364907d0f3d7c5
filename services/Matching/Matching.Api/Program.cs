using Marketplace.Matching;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("matching");
builder.AddMatching();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapMatching();
return await app.RunMarketplaceAsync(args);
