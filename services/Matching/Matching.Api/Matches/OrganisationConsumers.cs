using Marketplace.Identity.Contracts;
using Marketplace.Matching.Data;
using Marketplace.Matching.Matches;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Matches;

/// <summary>Keeps the local table of organisations' sectors; a changed sector re-reads that organisation's listings.</summary>
public sealed class OrganisationRegisteredConsumer(MatchingDbContext db, SuggestionService suggestions, TimeProvider clock) : IConsumer<OrganisationRegistered>
{
    public async Task Consume(ConsumeContext<OrganisationRegistered> context)
    {
        var m = context.Message;
        await OrganisationSync.ApplyAsync(db, suggestions, context, nameof(OrganisationRegisteredConsumer), m.OrganisationId, m.Name, m.NaceCode, m.Country, clock);
    }
}

public sealed class OrganisationUpdatedConsumer(MatchingDbContext db, SuggestionService suggestions, TimeProvider clock) : IConsumer<OrganisationUpdated>
{
    public async Task Consume(ConsumeContext<OrganisationUpdated> context)
    {
        var m = context.Message;
        await OrganisationSync.ApplyAsync(db, suggestions, context, nameof(OrganisationUpdatedConsumer), m.OrganisationId, m.Name, m.NaceCode, m.Country, clock);
    }
}

internal static class OrganisationSync
{
    public static Task ApplyAsync(
        MatchingDbContext db, SuggestionService suggestions, ConsumeContext context, string consumer,
        Guid id, string name, string? nace, string country, TimeProvider clock) => db.ConsumeOnceAsync(context, consumer, async () =>
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, context.CancellationToken);
        var changed = organisation is null || organisation.NaceCode != nace;
        if (organisation is null)
        {
            organisation = new KnownOrganisation { Id = id };
            db.Organisations.Add(organisation);
        }

        organisation.Name = name;
        organisation.NaceCode = nace;
        organisation.Country = country;
        organisation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (changed)
        {
            // listings published before the organisation's sector was known are read again
            await db.SaveChangesAsync(context.CancellationToken);
            await suggestions.ReapplyOrganisationAsync(id, context.CancellationToken);
        }
    });
}
