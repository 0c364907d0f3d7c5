using System.Text.Json;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Projects;
using Marketplace.Matching.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Consumers;

/// <summary>Keeps the latest version of each bundle suggestion, so that a facilitator can create a project from it in one step. Naturally idempotent (an upsert).</summary>
public sealed class BundleSuggestedConsumer(BrokerageDbContext db) : IConsumer<BundleSuggested>
{
    public async Task Consume(ConsumeContext<BundleSuggested> context)
    {
        var m = context.Message;
        var bundle = await db.BundleSuggestions.FirstOrDefaultAsync(b => b.MatchId == m.MatchId, context.CancellationToken);
        if (bundle is not null && bundle.SuggestedAt > m.SuggestedAt)
        {
            return; // an older version arriving late
        }

        if (bundle is null)
        {
            bundle = new BundleSuggestion { MatchId = m.MatchId, Title = m.Title, ResourceClass = m.ResourceClass, MembersJson = "[]" };
            db.BundleSuggestions.Add(bundle);
        }

        bundle.Title = m.Title;
        bundle.EwcCode = m.EwcCode;
        bundle.ResourceClass = m.ResourceClass;
        bundle.DistanceKm = m.DistanceKm;
        bundle.MembersJson = JsonSerializer.Serialize(m.Members, JsonSerializerOptions.Web);
        bundle.SuggestedAt = m.SuggestedAt;
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // a concurrent delivery of the same suggestion may have inserted it first; otherwise the failure stands
            db.ChangeTracker.Clear();
            if (!await db.BundleSuggestions.AsNoTracking().AnyAsync(b => b.MatchId == m.MatchId, context.CancellationToken))
            {
                throw;
            }
        }
    }
}
