using Marketplace.Listings.Data;
using Marketplace.Listings.Listings;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Listings;

public static class ListingsModule
{
    public const string Name = "listings";

    public static IHostApplicationBuilder AddListings(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ListingsDbContext, SqliteListingsDbContext, SqlServerListingsDbContext>(Name);
        builder.AddMarketplaceAuthentication(Audiences.Listings);
        return builder;
    }

    public static IEndpointRouteBuilder MapListings(this IEndpointRouteBuilder app)
    {
        app.MapListingEndpoints();
        return app;
    }
}
