using Marketplace.Listings.Data;
using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// Both sides accepted: each side may now see the other side's anonymous listing in full. For a bundle every
/// supplier and the receiver see each other's listings. Idempotent by inbox and by the (listing, viewer) key.
/// </summary>
public sealed class MatchAcceptedConsumer(ListingsDbContext db, TimeProvider clock) : IConsumer<MatchAccepted>
{
    public Task Consume(ConsumeContext<MatchAccepted> context) => db.ConsumeOnceAsync(context, nameof(MatchAcceptedConsumer), async () =>
    {
        var m = context.Message;
        var suppliers = m.Members.Count > 0 ? m.Members : [m.Offer];
        var pairs = new HashSet<(Guid ListingId, Guid Viewer)>();
        foreach (var supplier in suppliers)
        {
            pairs.Add((supplier.ListingId, m.Want.OrganisationId));
            pairs.Add((m.Want.ListingId, supplier.OrganisationId));
        }

        var listingIds = pairs.Select(p => p.ListingId).Distinct().ToList();
        var existing = (await db.ListingReveals.Where(r => listingIds.Contains(r.ListingId))
            .Select(r => new { r.ListingId, r.ViewerOrganisationId }).ToListAsync(context.CancellationToken))
            .Select(r => (r.ListingId, r.ViewerOrganisationId)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var pair in pairs.Where(p => !existing.Contains(p) && p.ListingId != Guid.Empty))
        {
            db.ListingReveals.Add(new ListingReveal { ListingId = pair.ListingId, ViewerOrganisationId = pair.Viewer, MatchId = m.MatchId, RevealedAt = now });
        }
    });
}
