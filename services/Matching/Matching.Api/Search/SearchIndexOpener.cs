namespace Marketplace.Matching.Search;

/// <summary>
/// Opens the search index as the host starts, so a host that cannot have it (another process holds the directory:
/// <see cref="IndexInUseException"/>) stops at start with that message, instead of starting and failing every
/// listing event later; and the first search does not pay for opening it.
/// </summary>
internal sealed class SearchIndexOpener(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IListingIndex>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
