using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Organisations;
using Marketplace.Identity.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Consumers;

/// <summary>Keeps the names and countries invoices and VAT need. Upserts are naturally idempotent.</summary>
public sealed class OrganisationRegisteredConsumer(BrokerageDbContext db, TimeProvider clock) : IConsumer<OrganisationRegistered>
{
    public Task Consume(ConsumeContext<OrganisationRegistered> context) =>
        OrganisationDirectory.UpsertAsync(db, context.Message.OrganisationId, context.Message.Name, context.Message.Country, context.Message.Kind,
            clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public sealed class OrganisationUpdatedConsumer(BrokerageDbContext db, TimeProvider clock) : IConsumer<OrganisationUpdated>
{
    public Task Consume(ConsumeContext<OrganisationUpdated> context) =>
        OrganisationDirectory.UpsertAsync(db, context.Message.OrganisationId, context.Message.Name, context.Message.Country, null,
            clock.GetUtcNow().UtcDateTime, context.CancellationToken);
}

public static class OrganisationDirectory
{
    public static async Task UpsertAsync(BrokerageDbContext db, Guid id, string name, string country, string? kind, DateTime now, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            db.Organisations.Add(new KnownOrganisation { Id = id, Name = name, Country = country, Kind = kind ?? "company", UpdatedAt = now });
        }
        else
        {
            organisation.Name = name;
            organisation.Country = country;
            organisation.Kind = kind ?? organisation.Kind;
            organisation.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
