using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Knowledge;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Matches;

/// <summary>Bundles: several small listings pooled for one larger counterpart.</summary>
public sealed partial class SuggestionService
{
    /// <summary>
    /// A pool is proposed when the listing it serves is matched, so a small listing posted after a large counterpart
    /// could never join one. When the source could (<see cref="Bundling.CouldJoinPool"/>), its best such counterparts
    /// (<c>Search:PoolsProposedAgain</c>) are matched again for their pool alone: their pairs stand. A pool someone has
    /// answered stands too; an unchanged one is not announced again; one that a new pool replaces is withdrawn.
    /// </summary>
    private async Task PoolAgainAsync(
        ListingSnapshot source, List<ScoredPair> scored, Dictionary<Guid, Annotation> annotations, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var pair in scored.Where(p => Bundling.CouldJoinPool(source, p)).Take(options.Value.PoolsProposedAgain))
        {
            var counterpart = source.Kind == ListingKinds.Offer ? pair.Want : pair.Offer;
            var (theirs, _) = await ScoreAsync(counterpart, annotations[counterpart.ListingId], cancellationToken);
            var proposed = Bundling.Propose(counterpart, theirs, annotator.Knowledge.Factors);
            if (proposed.Count == 0)
            {
                continue;
            }

            var bundle = proposed[0];
            var id = counterpart.ListingId;
            await db.Matches.Where(m => m.OfferListingId == id || m.WantListingId == id).LoadAsync(cancellationToken);
            var pools = db.Matches.Local.Where(m => m.Kind == MatchKinds.Bundle && PooledFor(m) == id).ToList();
            if (pools.Any(m => m.Status is MatchStatuses.Interested or MatchStatuses.Accepted))
            {
                continue;
            }

            var open = pools.Where(m => m.Status == MatchStatuses.Suggested).ToList();
            var same = open.FirstOrDefault(m => m.OfferListingId == bundle.Lead.Offer.ListingId && m.WantListingId == bundle.Lead.Want.ListingId);
            if (same is not null && same.MembersJson == JsonSerializer.Serialize(bundle.Members, Json))
            {
                continue;
            }

            foreach (var stale in open.Where(m => m != same))
            {
                Withdraw(stale, now);
            }

            await UpsertBundleAsync(bundle, now, cancellationToken);
        }
    }

    /// <summary>The listing a bundle was pooled for: its first member.</summary>
    private static Guid? PooledFor(Match bundle) =>
        bundle.MembersJson is null ? null : JsonSerializer.Deserialize<List<BundleMember>>(bundle.MembersJson, Json)?.FirstOrDefault()?.ListingId;

    private async Task UpsertBundleAsync(Bundle b, DateTime now, CancellationToken cancellationToken)
    {
        var match = Find(b.Lead.Offer.ListingId, b.Lead.Want.ListingId, MatchKinds.Bundle);
        if (match is null)
        {
            match = New(b.Lead.Offer, b.Lead.Want, MatchKinds.Bundle, now);
        }
        else if (match.Status is MatchStatuses.Accepted or MatchStatuses.Declined)
        {
            return;
        }

        Fill(match, b.Score, b.Reasons, b.DistanceKm, b.Transport, b.PatternIds, now);
        match.TermsJson = JsonSerializer.Serialize(b.Lead.Terms, Json);
        match.MembersJson = JsonSerializer.Serialize(b.Members, Json);
        await SetMembersAsync(match, [.. b.Members.Select(m => m.ListingId)], cancellationToken);
        var orgs = b.Members.Select(m => m.OrganisationId).Distinct().ToList();
        db.AddEvent(new MatchSuggested(match.Id, match.Kind, b.Lead.Offer.ListingId, b.Lead.Want.ListingId, orgs, b.Score), match.Id.ToString());
        var lead = b.Lead.Offer;
        db.AddEvent(new BundleSuggested(match.Id, lead.Title, lead.EwcCode, lead.ResourceClass, b.DistanceKm, b.Score,
            [.. b.Members.Select(m => new BundleSuggestedMember(m.ListingId, m.OrganisationId, m.Kind, m.YearlyAmount, m.BaseUnit, m.Share))], now), match.Id.ToString());
    }

    /// <summary>Keeps <see cref="MatchMember"/> rows in step with a bundle's members (a pair has none: its kind is part of its key).</summary>
    private async Task SetMembersAsync(Match match, IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken)
    {
        var existing = db.Entry(match).State == EntityState.Added ? []
            : await db.MatchMembers.Where(x => x.MatchId == match.Id).ToListAsync(cancellationToken);
        db.MatchMembers.RemoveRange(existing.Where(x => !listingIds.Contains(x.ListingId)));
        db.MatchMembers.AddRange(listingIds.Distinct().Where(id => existing.All(x => x.ListingId != id)).Select(id => new MatchMember { MatchId = match.Id, ListingId = id }));
    }
}
