using Marketplace.Matching.Consumers;
using Marketplace.Matching.Data;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Matching;

public static class MatchingModule
{
    public const string Name = "matching";

    public static IHostApplicationBuilder AddMatching(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MatchingDbContext, SqliteMatchingDbContext, SqlServerMatchingDbContext>(Name);
        builder.AddMarketplaceAuthentication(Audiences.Matching);
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IListingIndex>(sp =>
        {
            var dataDir = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MarketplaceOptions>>().Value.ResolveDataDir();
            return new LuceneListingIndex(Path.Combine(dataDir, "matching-index"));
        });
        builder.Services.AddScoped<SuggestionService>();
        builder.AddConsumer<ListingPublishedConsumer>(Name);
        builder.AddConsumer<ListingUpdatedConsumer>(Name);
        builder.AddConsumer<ListingPausedConsumer>(Name);
        builder.AddConsumer<ListingClosedConsumer>(Name);
        builder.AddConsumer<ListingExpiredConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapMatchEndpoints();
        return app;
    }
}
