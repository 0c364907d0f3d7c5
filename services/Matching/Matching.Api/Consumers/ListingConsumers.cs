using Marketplace.Listings.Contracts;
using Marketplace.Matching.Data;
using Marketplace.Matching.Matches;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;

namespace Marketplace.Matching.Consumers;

public sealed class ListingPublishedConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingPublished>
{
    public async Task Consume(ConsumeContext<ListingPublished> context)
    {
        if (await db.HasProcessedAsync(context, nameof(ListingPublishedConsumer)))
        {
            return;
        }

        await suggestions.ApplyAsync(context.Message.Listing, context.CancellationToken);
        db.MarkProcessed(context, nameof(ListingPublishedConsumer));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class ListingUpdatedConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingUpdated>
{
    public async Task Consume(ConsumeContext<ListingUpdated> context)
    {
        if (await db.HasProcessedAsync(context, nameof(ListingUpdatedConsumer)))
        {
            return;
        }

        await suggestions.ApplyAsync(context.Message.Listing, context.CancellationToken);
        db.MarkProcessed(context, nameof(ListingUpdatedConsumer));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class ListingPausedConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingPaused>
{
    public async Task Consume(ConsumeContext<ListingPaused> context)
    {
        await suggestions.RemoveAsync(context.Message.ListingId, context.Message.Version, "paused", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class ListingClosedConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingClosed>
{
    public async Task Consume(ConsumeContext<ListingClosed> context)
    {
        await suggestions.RemoveAsync(context.Message.ListingId, context.Message.Version, "closed", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

public sealed class ListingExpiredConsumer(MatchingDbContext db, SuggestionService suggestions) : IConsumer<ListingExpired>
{
    public async Task Consume(ConsumeContext<ListingExpired> context)
    {
        await suggestions.RemoveAsync(context.Message.ListingId, context.Message.Version, "expired", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
