using Marketplace.Brokerage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>Section <c>Brokerage:Lifecycle</c>.</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Brokerage:Lifecycle";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>After a contract's end date: an active contract is completed, one never fully signed has expired.</summary>
public static class ContractLifecycle
{
    public static async Task<int> SweepAsync(BrokerageDbContext db, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.Contracts
            .Where(c => c.EndDate < today && c.Status != ContractStatuses.Completed && c.Status != ContractStatuses.Terminated && c.Status != ContractStatuses.Expired)
            .ToListAsync(cancellationToken);
        foreach (var contract in due)
        {
            if (ContractStateMachine.AtEnd(contract.Status, today, contract.EndDate) is { } next)
            {
                contract.Status = next;
                contract.EndedAt = now;
                contract.Revision++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}

internal sealed class ContractLifecycleService(IServiceScopeFactory scopes, IOptions<LifecycleOptions> options, TimeProvider clock, ILogger<ContractLifecycleService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BrokerageDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                var ended = await ContractLifecycle.SweepAsync(db, DateOnly.FromDateTime(now), now, stoppingToken);
                if (ended > 0)
                {
                    logger.LogInformation("{Count} contract(s) reached their end date", ended);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Migrations may not have run yet at the very first tick; the next tick tries again.
                logger.LogWarning(ex, "Contract lifecycle sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
