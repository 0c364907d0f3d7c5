using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Consumers;

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
        var suppliers = m.Members.Count > 0 ? m.Members : [m.Offer];
        foreach (var supplier in suppliers)
        {
            deal.Parties.Add(new DealParty { ListingId = supplier.ListingId, OrganisationId = supplier.OrganisationId, Role = "supplier", Share = supplier.Share });
        }

        deal.Parties.Add(new DealParty { ListingId = m.Want.ListingId, OrganisationId = m.Want.OrganisationId, Role = "receiver" });
        db.Deals.Add(deal);
        db.AddEvent(new DealOpened(deal.Id, m.MatchId, [.. deal.Parties.Select(p => p.OrganisationId).Distinct()]), deal.Id.ToString());
        db.MarkProcessed(context, nameof(MatchAcceptedConsumer));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
