using Marketplace.Matching;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("matching");
builder.AddMatching();
builder.AddMessaging();

var app = builder.Build();
app.UseProblemDetailsDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapMatching();
return await app.RunMatchingCommandAsync(args) ?? await app.RunMarketplaceAsync(args);
