using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Organisations;
using Marketplace.Identity.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Organisations;

/// <summary>Keeps the names, addresses, countries and VAT numbers invoices and VAT need. Upserts are naturally idempotent.</summary>
public sealed class OrganisationRegisteredConsumer(BrokerageDbContext db, TimeProvider clock) : IConsumer<OrganisationRegistered>
{
    public Task Consume(ConsumeContext<OrganisationRegistered> context) =>
        OrganisationDirectory.UpsertAsync(db, new KnownOrganisation
        {
            Id = context.Message.OrganisationId, Name = context.Message.Name, Country = context.Message.Country, Kind = context.Message.Kind,
            Address = context.Message.Address, VatId = context.Message.VatId, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        }, context.CancellationToken);
}

public sealed class OrganisationUpdatedConsumer(BrokerageDbContext db, TimeProvider clock) : IConsumer<OrganisationUpdated>
{
    public Task Consume(ConsumeContext<OrganisationUpdated> context) =>
        OrganisationDirectory.UpsertAsync(db, new KnownOrganisation
        {
            Id = context.Message.OrganisationId, Name = context.Message.Name, Country = context.Message.Country, Kind = "",
            Address = context.Message.Address, VatId = context.Message.VatId, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        }, context.CancellationToken);
}

public static class OrganisationDirectory
{
    /// <summary>Adds or refreshes an organisation; an empty <c>Kind</c> (an update event carries none) keeps the one known.</summary>
    public static async Task UpsertAsync(BrokerageDbContext db, KnownOrganisation seen, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == seen.Id, cancellationToken);
        if (organisation is null)
        {
            seen.Kind = seen.Kind is "" ? "company" : seen.Kind;
            db.Organisations.Add(seen);
        }
        else
        {
            organisation.Name = seen.Name;
            organisation.Country = seen.Country;
            organisation.Kind = seen.Kind is "" ? organisation.Kind : seen.Kind;
            organisation.Address = seen.Address;
            organisation.VatId = seen.VatId;
            organisation.UpdatedAt = seen.UpdatedAt;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
