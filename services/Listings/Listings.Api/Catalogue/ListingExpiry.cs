using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Listings.Catalogue;

/// <summary>Moves listings whose availableUntil has passed to <c>expired</c>, with a ListingExpired event each.</summary>
public sealed class ListingExpirer(ListingsDbContext db, TimeProvider clock)
{
    private const int BatchSize = 500;

    /// <summary>Expires everything available until a day before <paramref name="today"/>; returns how many.</summary>
    public async Task<int> ExpireDueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var due = await db.Listings
                .Where(l => (l.Status == ListingStatuses.Published || l.Status == ListingStatuses.Paused || l.Status == ListingStatuses.Draft)
                    && l.AvailableUntil < today)
                .OrderBy(l => l.AvailableUntil)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return total;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var listing in due)
            {
                listing.Status = ListingStatuses.Expired;
                listing.Touch(now);
                db.AddEvent(new ListingExpired(listing.Id, listing.OrganisationId, listing.Version), listing.Id.ToString());
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                total += due.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // An owner changed one of them meanwhile; the next pass sees the new state.
                return total;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            if (due.Count < BatchSize)
            {
                return total;
            }
        }
    }
}

public sealed class ListingExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ListingsOptions> options, ILogger<ListingExpiryJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expirer = scope.ServiceProvider.GetRequiredService<ListingExpirer>();
                var expired = await expirer.ExpireDueAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} listings", expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Listing expiry pass failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
