using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

/// <summary>An accepted exchange as a line on the map: from the offer's site to the want's, with the yearly quantity both sides can meet.</summary>
public sealed record ExchangeDto(Guid MatchId, Guid OfferListingId, Guid WantListingId, Guid OfferOrganisationId, Guid WantOrganisationId, string Title,
    string ResourceClass, string? Family, decimal YearlyAmount, string BaseUnit, double FromLat, double FromLon, double ToLat, double ToLon);

/// <summary>
/// The accepted exchanges with an end in the box, read from the reveals an accepted match leaves (one per supplier and
/// receiver); a bundle draws a line from each supplier. Who exchanges with whom is the operator's to see, and each
/// company's own.
/// </summary>
internal static class Exchanges
{
    public static async Task<List<ExchangeDto>> InAsync(ListingsDbContext db, Viewer viewer, BoundingBox box, TerritoryQuery query, ResourceFamilies families,
        CancellationToken cancellationToken)
    {
        var ends = await db.ListingReveals.AsNoTracking().Select(r => new { r.MatchId, r.ListingId }).Distinct()
            .Join(db.Listings.AsNoTracking(), r => r.ListingId, l => l.Id, (r, l) => new
            {
                r.MatchId, l.Id, l.Kind, l.OrganisationId, l.Title, l.ResourceClass, l.EwcCode, l.Hazardous, l.YearlyAmount, l.BaseUnit, l.Lat, l.Lon,
            })
            .ToListAsync(cancellationToken);
        var lines = new List<ExchangeDto>();
        foreach (var match in ends.GroupBy(e => e.MatchId))
        {
            var want = match.FirstOrDefault(e => e.Kind == ListingKinds.Want);
            foreach (var offer in match.Where(e => e.Kind == ListingKinds.Offer))
            {
                if (want is null || !(viewer.IsOperator || viewer.OrganisationId == offer.OrganisationId || viewer.OrganisationId == want.OrganisationId)
                    || !(box.Contains(offer.Lat, offer.Lon) || box.Contains(want.Lat, want.Lon)))
                {
                    continue;
                }

                var family = families.Of(offer.ResourceClass, offer.EwcCode);
                var yearly = Math.Min(offer.YearlyAmount, want.BaseUnit == offer.BaseUnit ? want.YearlyAmount : offer.YearlyAmount);
                if (query.Keeps(offer.ResourceClass, offer.EwcCode is { Length: >= 2 } code ? code[..2] : null, family, offer.Hazardous, (double)yearly))
                {
                    lines.Add(new ExchangeDto(match.Key, offer.Id, want.Id, offer.OrganisationId, want.OrganisationId, offer.Title, offer.ResourceClass, family,
                        yearly, offer.BaseUnit, offer.Lat, offer.Lon, want.Lat, want.Lon));
                }
            }
        }

        return lines;
    }
}
