namespace Marketplace.Identity.Hosting;

/// <summary>
/// A background loop of rounds: a round, again at once while it reports more work waiting, then a wait of at most the
/// poll interval that <see cref="Signal"/> cuts short (a consumer that just saved work calls it). A failed round is
/// logged and retried after the wait. One wake-up signal per worker type.
/// </summary>
internal abstract class PollingWorker<TSelf>(ILogger log) : BackgroundService
    where TSelf : PollingWorker<TSelf>
{
    private static readonly SemaphoreSlim Wake = new(0);

    public static void Signal()
    {
        if (Wake.CurrentCount == 0)
        {
            Wake.Release();
        }
    }

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>One round; true when more work is already waiting.</summary>
    protected abstract Task<bool> RoundAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RoundAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "{Worker} round failed; retrying", typeof(TSelf).Name);
            }

            try
            {
                await Wake.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
