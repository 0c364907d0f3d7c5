using Marketplace.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Marketplace.Matching.Search;

/// <summary>
/// Opens the search index as the host starts, so a host that cannot have it (another process holds the directory:
/// <see cref="IndexInUseException"/>) stops at start with that message, instead of starting and failing every
/// listing event later; and the first search does not pay for opening it.
/// The index is a projection of Matching's stored listings, so it is rebuilt from them (the <c>reindex</c> path)
/// before the host serves when it cannot be trusted: an embedded index that cannot be opened (a crash left its
/// segments unreadable) is moved aside first; one the last process did not close (a crash lost its last seconds of
/// writes) is rebuilt in place; an Elasticsearch index that is missing is created and filled.
/// </summary>
internal sealed class SearchIndexOpener(IServiceProvider services, ILogger<SearchIndexOpener> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IListingIndex index;
        try
        {
            index = services.GetRequiredService<IListingIndex>();
        }
        catch (Exception e) when (e is not IndexInUseException && services.GetRequiredService<IOptions<SearchOptions>>().Value.Engine != "Elasticsearch")
        {
            var path = LucenePath(services);
            var aside = $"{path}.unreadable-{DateTime.UtcNow:yyyyMMddTHHmmssZ}";
            Directory.Move(path, aside);
            logger.LogWarning("The search index at {Path} could not be opened ({Error}); moved to {Aside}, rebuilding it from the stored listings",
                path, e.Message, aside);
            index = services.GetRequiredService<IListingIndex>();
            await RebuildAsync(cancellationToken);
            return;
        }

        if (index is LuceneListingIndex { ClosedUncleanly: true })
        {
            logger.LogWarning("The search index was not closed cleanly (the process stopped without shutting down); rebuilding it from the stored listings");
            await RebuildAsync(cancellationToken);
        }
        else if (index is ElasticsearchListingIndex elastic && !await elastic.ExistsAsync(cancellationToken))
        {
            logger.LogWarning("The Elasticsearch index is missing; creating it and rebuilding it from the stored listings");
            await RebuildAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Where the embedded engine keeps its index: <c>Search:IndexDirectory</c>, else <c>&lt;DataDir&gt;/matching-index</c>.</summary>
    internal static string LucenePath(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SearchOptions>>().Value.IndexDirectory
        ?? Path.Combine(services.GetRequiredService<IOptions<MarketplaceOptions>>().Value.ResolveDataDir(), "matching-index");

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Reindexer>().RebuildAsync(cancellationToken);
    }
}
