using Marketplace.Listings.Contracts;
using Marketplace.Matching.Data;
using Marketplace.Matching.Matches;
using Marketplace.ServiceDefaults.Outbox;
using System.Diagnostics;
using MassTransit;

namespace Marketplace.Matching.Matches;

public sealed class ListingPublishedConsumer(MatchingDbContext db, SuggestionService suggestions, ILogger<ListingPublishedConsumer> logger) : IConsumer<ListingPublished>
{
    public async Task Consume(ConsumeContext<ListingPublished> context)
    {
        var received = DateTime.UtcNow;
        var started = Stopwatch.GetTimestamp();
        if (await db.HasProcessedAsync(context, nameof(ListingPublishedConsumer)))
        {
            return;
        }

        var inbox = Stopwatch.GetElapsedTime(started);
        var applying = Stopwatch.GetTimestamp();
        await suggestions.ApplyAsync(context.Message.Listing, context.CancellationToken);
        var apply = Stopwatch.GetElapsedTime(applying);
        db.MarkProcessed(context, nameof(ListingPublishedConsumer));
        var beforeSave = Stopwatch.GetTimestamp();
        await db.SaveChangesAsync(context.CancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // matching-timing: the benchmark reads these lines to say where the time from POST to suggestions goes;
            // the stages inside apply are in the marketplace.matching.stage.duration histogram (MatchingTelemetry)
            logger.LogDebug(
                "matching-timing listing={ListingId} since-listing-saved={SinceSaved:0.0} since-sent={SinceSent:0.0} inbox={Inbox:0.0} apply={Apply:0.0} save={Save:0.0} total={Total:0.0}",
                context.Message.Listing.ListingId, (received - context.Message.Listing.UpdatedAt).TotalMilliseconds,
                context.SentTime is { } sent ? (received - sent).TotalMilliseconds : -1, inbox.TotalMilliseconds, apply.TotalMilliseconds,
                Stopwatch.GetElapsedTime(beforeSave).TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

public sealed class ListingUpdatedConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingUpdated>
{
    public Task Consume(ConsumeContext<ListingUpdated> context) =>
        db.ConsumeOnceAsync(context, nameof(ListingUpdatedConsumer), () => suggestions.ApplyAsync(context.Message.Listing, context.CancellationToken));
}

public sealed class ListingPausedConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingPaused>
{
    public async Task Consume(ConsumeContext<ListingPaused> context)
    {
        await suggestions.RemoveAsync(context.Message.ListingId, context.Message.Version, ListingStatuses.Paused, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class ListingClosedConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingClosed>
{
    public async Task Consume(ConsumeContext<ListingClosed> context)
    {
        await suggestions.RemoveAsync(context.Message.ListingId, context.Message.Version, ListingStatuses.Closed, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class ListingExpiredConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingExpired>
{
    public async Task Consume(ConsumeContext<ListingExpired> context)
    {
        await suggestions.RemoveAsync(context.Message.ListingId, context.Message.Version, ListingStatuses.Expired, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
