namespace Marketplace.Brokerage.Deals;

public sealed record DealPartyDto(Guid ListingId, Guid OrganisationId, string Role, decimal? Share);

public sealed record DealDto(Guid Id, Guid MatchId, string Kind, string Status, string ResourceTitle, string? EwcCode, string? ResourceClass,
    decimal? YearlyAmount, string? BaseUnit, double? DistanceKm, DateTime OpenedAt, IReadOnlyList<DealPartyDto> Parties);

public sealed record DealListDto(IReadOnlyList<DealDto> Items);

internal static class DealMapping
{
    public static DealDto AsDto(this Deal d) => new(d.Id, d.MatchId, d.Kind, d.Status, d.ResourceTitle, d.EwcCode, d.ResourceClass, d.YearlyAmount,
        d.BaseUnit, d.DistanceKm, d.OpenedAt, [.. d.Parties.Select(p => new DealPartyDto(p.ListingId, p.OrganisationId, p.Role, p.Share))]);
}
