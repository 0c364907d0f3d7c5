using Marketplace.Listings;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("listings");
builder.AddListings();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapListings();
return await app.RunMarketplaceAsync(args);
