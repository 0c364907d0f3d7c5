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
        await OrganisationSync.UpsertAsync(db, context, nameof(OrganisationRegisteredConsumer), new OrganisationFacts(m.OrganisationId, m.Name, m.NaceCode, m.Country, m.Employees, m.Lat, m.Lon), clock);
    }
}

public sealed class OrganisationUpdatedConsumer(ListingsDbContext db, TimeProvider clock) : IConsumer<OrganisationUpdated>
{
    public async Task Consume(ConsumeContext<OrganisationUpdated> context)
    {
        var m = context.Message;
        await OrganisationSync.UpsertAsync(db, context, nameof(OrganisationUpdatedConsumer), new OrganisationFacts(m.OrganisationId, m.Name, m.NaceCode, m.Country, m.Employees, m.Lat, m.Lon), clock);
    }
}

internal sealed record OrganisationFacts(Guid Id, string Name, string? NaceCode, string Country, int? Employees, double? Lat, double? Lon);

internal static class OrganisationSync
{
    public static async Task UpsertAsync(ListingsDbContext db, ConsumeContext context, string consumer, OrganisationFacts facts, TimeProvider clock)
    {
        var (id, name, naceCode, country, _, _, _) = facts;
        if (await db.HasProcessedAsync(context, consumer))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, context.CancellationToken);
        if (organisation is null)
        {
            organisation = new KnownOrganisation { Id = id, Name = name, Country = country };
            db.Organisations.Add(organisation);
        }

        organisation.Name = name;
        organisation.NaceCode = naceCode;
        organisation.Country = country;
        organisation.Employees = facts.Employees;
        (organisation.Lat, organisation.Lon) = (facts.Lat, facts.Lon);
        organisation.UpdatedAt = now;

        db.MarkProcessed(context, consumer);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await db.Listings.Where(l => l.OrganisationId == id && l.NaceCode != naceCode)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.NaceCode, naceCode), context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }
}
