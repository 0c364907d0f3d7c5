using Marketplace.Matching.Data;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Conversations;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;

namespace Marketplace.Matching;

public static class MatchingModule
{
    public const string Name = "matching";

    public static IHostApplicationBuilder AddMatching(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MatchingDbContext, SqliteMatchingDbContext, SqlServerMatchingDbContext>(Name);
        builder.AddMarketplaceAuthentication(Audiences.Matching);
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var dir = sp.GetRequiredService<IOptions<SearchOptions>>().Value.KnowledgeDirectory ?? Path.Combine(AppContext.BaseDirectory, "knowledge");
            return KnowledgeBase.Load(dir);
        });
        builder.Services.AddSingleton<Annotator>();
        builder.Services.AddSingleton<IListingEmbedder>(sp =>
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.Vectors == "MiniLM" ? new MiniLmEmbedder() : new NoEmbedder());
        builder.Services.AddSingleton<IListingIndex>(sp =>
        {
            var search = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            if (search.Engine == "Elasticsearch")
            {
                return new ElasticsearchListingIndex(
                    ElasticsearchListingIndex.CreateClient(search), search.ElasticsearchIndex, sp.GetRequiredService<KnowledgeBase>());
            }

            return new LuceneListingIndex(SearchIndexOpener.LucenePath(sp), search.CachedCandidates);
        });
        builder.Services.AddHostedService<SearchIndexOpener>();
        builder.Services.AddScoped<SuggestionService>();
        builder.Services.AddScoped<IConversationThreads<MatchingDbContext>, MatchConversations>();
        builder.Services.AddScoped<Reindexer>();
        builder.AddConsumer<OrganisationRegisteredConsumer>(Name);
        builder.AddConsumer<OrganisationUpdatedConsumer>(Name);
        builder.AddConsumer<ListingPublishedConsumer>(Name);
        builder.AddConsumer<ListingUpdatedConsumer>(Name);
        builder.AddConsumer<ListingPausedConsumer>(Name);
        builder.AddConsumer<ListingClosedConsumer>(Name);
        builder.AddConsumer<ListingExpiredConsumer>(Name);
        builder.Composition().AddCommand("reindex", (app, _) => ReindexAsync(app));
        return builder;
    }

    /// <summary>The <c>reindex</c> command: rebuild the search index from stored snapshots and exit.</summary>
    private static async Task<int> ReindexAsync(WebApplication app)
    {
        try
        {
            await app.MigrateOnStartAsync();
            await using var scope = app.Services.CreateAsyncScope();
            Reindexer reindexer;
            try
            {
                reindexer = scope.ServiceProvider.GetRequiredService<Reindexer>();
            }
            catch (IndexInUseException)
            {
                await Console.Error.WriteLineAsync("The search index is open in a running host (its directory is locked). Stop that host, then run reindex again.");
                return 1;
            }

            var count = await reindexer.RebuildAsync(CancellationToken.None);
            Console.WriteLine($"Reindexed {count} published listings.");
            return 0;
        }
        finally
        {
            await app.DisposeAsync(); // closes the index (and its lock) before the process exits
        }
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapMatchEndpoints();
        app.MapConversation<MatchingDbContext>("/api/v1/matches/{id:guid}", "Matches", "match", Scopes.MatchesRead, Scopes.MatchesWrite);
        return app;
    }
}
