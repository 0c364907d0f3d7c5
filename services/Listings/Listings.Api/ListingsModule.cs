using Marketplace.Listings.Data;
using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Organisations;
using Marketplace.Listings.Taxonomy;
using Marketplace.Listings.Territory;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Listings;

public static class ListingsModule
{
    public const string Name = "listings";

    public static IHostApplicationBuilder AddListings(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ListingsDbContext, SqliteListingsDbContext, SqlServerListingsDbContext>(Name);
        builder.AddMarketplaceAuthentication(Audiences.Listings);
        builder.Services.AddOptions<ListingsOptions>()
            .BindConfiguration(ListingsOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.ExpiryInterval > TimeSpan.Zero, "Listings:ExpiryInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(_ => EwcCatalog.LoadEmbedded());
        builder.Services.AddSingleton(_ => FlowCoefficients.LoadEmbedded());
        builder.Services.AddSingleton<ResourceFamilies>();
        builder.Services.AddSingleton<BoundaryCache>();
        builder.Services.AddSingleton<TerritoryAnswers>();
        builder.Services.AddScoped<ListingExpirer>();
        builder.Services.AddHostedService<ListingExpiryJob>();
        builder.AddConsumer<OrganisationRegisteredConsumer>(Name);
        builder.AddConsumer<OrganisationUpdatedConsumer>(Name);
        builder.AddConsumer<MatchAcceptedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapListings(this IEndpointRouteBuilder app)
    {
        app.MapListingEndpoints();
        app.MapTaxonomyEndpoints();
        app.MapTerritoryEndpoints();
        return app;
    }
}
