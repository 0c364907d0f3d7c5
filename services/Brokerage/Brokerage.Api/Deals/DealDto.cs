using Marketplace.Brokerage.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deals;

public sealed record DealPartyDto(Guid ListingId, Guid OrganisationId, string? OrganisationName, string Role, decimal? Share);

public sealed record DealDto(Guid Id, Guid MatchId, string Kind, string Status, string ResourceTitle, string? EwcCode, string? ResourceClass,
    decimal? YearlyAmount, string? BaseUnit, double? DistanceKm, DateTime OpenedAt, IReadOnlyList<DealPartyDto> Parties);

internal static class DealMapping
{
    public static DealDto AsDto(this Deal d, IReadOnlyDictionary<Guid, string> names) => new(d.Id, d.MatchId, d.Kind, d.Status, d.ResourceTitle,
        d.EwcCode, d.ResourceClass, d.YearlyAmount, d.BaseUnit, d.DistanceKm, d.OpenedAt,
        [.. d.Parties.Select(p => new DealPartyDto(p.ListingId, p.OrganisationId, names.GetValueOrDefault(p.OrganisationId), p.Role, p.Share))]);

    /// <summary>The names of every party's organisation, as Brokerage knows them from Identity's events.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(BrokerageDbContext db, IEnumerable<Deal> deals, CancellationToken cancellationToken)
    {
        var ids = deals.SelectMany(d => d.Parties).Select(p => p.OrganisationId).Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }
}
