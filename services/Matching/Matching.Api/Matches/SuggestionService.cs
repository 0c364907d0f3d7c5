using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Data;
using Marketplace.Matching.Search;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Matching.Matches;

/// <summary>Keeps Matching's copy of a listing, the index and the stored suggestions in step with Listings.</summary>
public sealed class SuggestionService(MatchingDbContext db, IListingIndex index, IOptions<SearchOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Applies a snapshot unless a newer version is already known (events may arrive twice or late).</summary>
    public async Task ApplyAsync(ListingSnapshot listing, CancellationToken cancellationToken)
    {
        var known = await db.Listings.FirstOrDefaultAsync(l => l.Id == listing.ListingId, cancellationToken);
        if (known is not null && known.Version > listing.Version)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (known is null)
        {
            known = new KnownListing { Id = listing.ListingId, Kind = listing.Kind, Status = listing.Status, SnapshotJson = "" };
            db.Listings.Add(known);
        }

        known.OrganisationId = listing.OrganisationId;
        known.Kind = listing.Kind;
        known.Status = listing.Status;
        known.Version = listing.Version;
        known.SnapshotJson = JsonSerializer.Serialize(listing, Json);
        known.UpdatedAt = now;

        await index.UpsertAsync(listing, cancellationToken);
        await WithdrawOpenSuggestionsAsync(listing.ListingId, cancellationToken);
        if (listing.Status == "published")
        {
            await SuggestAsync(listing, now, cancellationToken);
        }
    }

    public async Task RemoveAsync(Guid listingId, int version, string status, CancellationToken cancellationToken)
    {
        var known = await db.Listings.FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (known is not null)
        {
            if (known.Version > version)
            {
                return;
            }

            known.Status = status;
            known.Version = version;
            known.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        await index.RemoveAsync(listingId, cancellationToken);
        await WithdrawOpenSuggestionsAsync(listingId, cancellationToken);
    }

    private async Task WithdrawOpenSuggestionsAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var open = await db.Matches
            .Where(m => (m.OfferListingId == listingId || m.WantListingId == listingId)
                        && (m.Status == MatchStatuses.Suggested || m.Status == MatchStatuses.Interested))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var match in open)
        {
            match.Status = MatchStatuses.Withdrawn;
            match.UpdatedAt = now;
            match.Version++;
        }
    }

    private async Task SuggestAsync(ListingSnapshot source, DateTime now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var hits = await index.FindCandidatesAsync(source, o.Candidates, cancellationToken);
        if (hits.Count == 0)
        {
            return;
        }

        // Upsert before search in every consumer: of two listings published at once, the later search finds the other.
        var maxText = hits.Max(h => h.TextScore);
        var scored = hits
            .Where(h => h.Listing.ListingId != source.ListingId)
            .Select(h => Score(source, h.Listing, h.TextScore / Math.Max(maxText, 1e-9)))
            .Where(s => s is not null)
            .Select(s => s!)
            .OrderByDescending(s => s.Score)
            .Take(o.SuggestionsPerListing)
            .ToList();

        foreach (var s in scored)
        {
            var (offer, want) = source.Kind == "offer" ? (source, s.Other) : (s.Other, source);
            var match = await db.Matches.FirstOrDefaultAsync(m => m.OfferListingId == offer.ListingId && m.WantListingId == want.ListingId, cancellationToken)
                ?? db.Matches.Local.FirstOrDefault(m => m.OfferListingId == offer.ListingId && m.WantListingId == want.ListingId);
            if (match is null)
            {
                match = new Match
                {
                    Id = Guid.CreateVersion7(),
                    OfferListingId = offer.ListingId,
                    WantListingId = want.ListingId,
                    OfferOrganisationId = offer.OrganisationId,
                    WantOrganisationId = want.OrganisationId,
                    ReasonsJson = "[]",
                    CreatedAt = now,
                };
                db.Matches.Add(match);
            }
            else if (match.Status is MatchStatuses.Accepted or MatchStatuses.Declined)
            {
                continue; // a decision stands; a changed listing does not reopen it
            }

            match.Status = match.OfferInterest == MatchStatuses.Interested || match.WantInterest == MatchStatuses.Interested
                ? MatchStatuses.Interested
                : MatchStatuses.Suggested;
            match.Score = s.Score;
            match.ReasonsJson = JsonSerializer.Serialize(s.Reasons, Json);
            match.DistanceKm = s.DistanceKm;
            match.UpdatedAt = now;
            db.AddEvent(new MatchSuggested(match.Id, match.Kind, offer.ListingId, want.ListingId, [offer.OrganisationId, want.OrganisationId], s.Score),
                match.Id.ToString());
        }
    }

    internal sealed record Scored(ListingSnapshot Other, double Score, double DistanceKm, IReadOnlyList<MatchReason> Reasons);

    /// <summary>Text relevance, resource class, distance against both sides' reach. Null when the pair is impossible.</summary>
    internal static Scored? Score(ListingSnapshot source, ListingSnapshot other, double text)
    {
        var offer = source.Kind == "offer" ? source : other;
        var want = source.Kind == "offer" ? other : source;
        if (offer.Hazardous && !want.AcceptsHazardous)
        {
            return null;
        }

        var km = Geo.GreatCircleKm(source.Location, other.Location) * 1.3;
        var reach = new[] { source.MaxTransportKm, other.MaxTransportKm }.Where(r => r is not null).Select(r => r!.Value).DefaultIfEmpty(double.MaxValue).Min();
        var distanceFit = km <= reach ? 1.0 / (1.0 + km / 100.0) : 0.0;
        var classFit = source.ResourceClass == other.ResourceClass ? 1.0 : 0.3;
        var reasons = new List<MatchReason>
        {
            new("text", $"Descriptions share key terms (relevance {text:0.00}).", 0.6 * text),
            new("class", classFit == 1.0 ? $"Both are {source.ResourceClass} flows." : "Different resource classes.", 0.15 * classFit),
            new("distance", km <= reach ? $"About {km:0} km by road, within reach." : $"About {km:0} km by road, beyond the {reach:0} km either side will cover.", 0.25 * distanceFit),
        };
        var score = Math.Round(Math.Clamp(reasons.Sum(r => r.Contribution), 0, 1), 4);
        return new Scored(other, score, Math.Round(km, 1), reasons);
    }
}
