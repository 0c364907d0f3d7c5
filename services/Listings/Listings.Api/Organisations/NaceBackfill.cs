using Marketplace.Listings.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Organisations;

/// <summary>
/// A listing takes its organisation's NACE code when it is written; the organisation's events backfill the listings
/// that exist when they are consumed. A listing written in between (its organisation read as unknown, then the
/// event consumed before the listing was saved) would be reached by neither, so its writer catches it up after saving.
/// </summary>
public static class NaceBackfill
{
    /// <summary>
    /// Fills in the NACE code of the listings of <paramref name="organisationIds"/> that still lack one, from the
    /// organisations as they are known now. Returns those organisations.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, KnownOrganisation>> CatchUpAsync(ListingsDbContext db,
        IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var known = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        foreach (var organisation in known.Values.Where(o => o.NaceCode is not null))
        {
            await db.Listings.Where(l => l.OrganisationId == organisation.Id && l.NaceCode == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.NaceCode, organisation.NaceCode), cancellationToken);
        }

        return known;
    }
}
