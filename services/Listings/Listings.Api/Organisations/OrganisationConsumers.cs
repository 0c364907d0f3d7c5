using Marketplace.Identity.Contracts;
using Marketplace.Listings.Data;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Organisations;

/// <summary>
/// Keeps the local organisation copy; naturally idempotent (upsert), and the inbox skips redeliveries. The NACE
/// code is denormalised onto the organisation's listings so snapshots carry it.
/// </summary>
public sealed class OrganisationRegisteredConsumer(ListingsDbContext db, TimeProvider clock) : IConsumer<OrganisationRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationRegistered> context)
    {
        var m = context.Message;
        await OrganisationSync.UpsertAsync(db, context, nameof(OrganisationRegisteredConsumer), m.OrganisationId, m.Name, m.NaceCode, m.Country, clock);
    }
}

public sealed class OrganisationUpdatedConsumer(ListingsDbContext db, TimeProvider clock) : IConsumer<OrganisationUpdated>
{
    public async Task Consume(ConsumeContext<OrganisationUpdated> context)
    {
        var m = context.Message;
        await OrganisationSync.UpsertAsync(db, context, nameof(OrganisationUpdatedConsumer), m.OrganisationId, m.Name, m.NaceCode, m.Country, clock);
    }
}

internal static class OrganisationSync
{
    public static async Task UpsertAsync(ListingsDbContext db, ConsumeContext context, string consumer,
        Guid id, string name, string? naceCode, string country, TimeProvider clock)
    {
        if (await db.HasProcessedAsync(context, consumer))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, context.CancellationToken);
        if (organisation is null)
        {
            db.Organisations.Add(new KnownOrganisation { Id = id, Name = name, NaceCode = naceCode, Country = country, UpdatedAt = now });
        }
        else
        {
            organisation.Name = name;
            organisation.NaceCode = naceCode;
            organisation.Country = country;
            organisation.UpdatedAt = now;
        }

        db.MarkProcessed(context, consumer);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await db.Listings.Where(l => l.OrganisationId == id && l.NaceCode != naceCode)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.NaceCode, naceCode), context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }
}
