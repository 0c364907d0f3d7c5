using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deals;

/// <summary>Opens the deal for an accepted match, once: the inbox and the unique match id both guard against a second deal.</summary>
public sealed class MatchAcceptedConsumer(BrokerageDbContext db, TimeProvider clock) : IConsumer<MatchAccepted>
{
    public async Task Consume(ConsumeContext<MatchAccepted> context)
    {
        var m = context.Message;
        if (await db.HasProcessedAsync(context, nameof(MatchAcceptedConsumer))
            || await db.Deals.AnyAsync(d => d.MatchId == m.MatchId, context.CancellationToken))
        {
            return;
        }

        var deal = new Deal
        {
            Id = Guid.CreateVersion7(),
            MatchId = m.MatchId,
            Kind = m.Kind,
            ResourceTitle = m.Offer.Title,
            EwcCode = m.Offer.EwcCode,
            ResourceClass = string.IsNullOrEmpty(m.Offer.ResourceClass) ? null : m.Offer.ResourceClass,
            YearlyAmount = m.Want.YearlyAmount ?? m.Offer.YearlyAmount,
            BaseUnit = m.Want.BaseUnit ?? m.Offer.BaseUnit,
            DistanceKm = m.DistanceKm,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
        };
        // A bundle lists the listing it was built for first (share 1), then the pooled counterparts: several offers
        // for one want, or several wants for one offer. Each listing is a party once.
        var wantBundle = m.Members.Count > 0 && m.Members[0].ListingId == m.Want.ListingId;
        var offerBundle = m.Members.Count > 0 && !wantBundle;
        IReadOnlyList<MatchParty> suppliers = wantBundle ? [.. m.Members.Skip(1)] : [m.Offer];
        IReadOnlyList<MatchParty> receivers = offerBundle ? [.. m.Members.Skip(1)] : [m.Want];
        foreach (var supplier in suppliers)
        {
            deal.Parties.Add(new DealParty { ListingId = supplier.ListingId, OrganisationId = supplier.OrganisationId, Role = "supplier", Share = supplier.Share });
        }

        foreach (var receiver in receivers)
        {
            deal.Parties.Add(new DealParty { ListingId = receiver.ListingId, OrganisationId = receiver.OrganisationId, Role = "receiver", Share = offerBundle ? receiver.Share : null });
        }
        db.Deals.Add(deal);
        db.AddEvent(new DealOpened(deal.Id, m.MatchId, [.. deal.Parties.Select(p => p.OrganisationId).Distinct()]), deal.Id.ToString());
        db.MarkProcessed(context, nameof(MatchAcceptedConsumer));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
