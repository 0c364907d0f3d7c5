using Marketplace.Brokerage;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("brokerage");
builder.AddBrokerage();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapBrokerage();
return await app.RunMarketplaceAsync(args);
