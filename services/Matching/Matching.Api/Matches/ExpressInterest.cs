using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;

namespace Marketplace.Matching.Matches;

/// <summary>
/// POST /api/v1/matches/{id}/interest: the caller's side says interested; when both sides have, the match is accepted and
/// Brokerage is told (MatchAccepted). An operator who is neither party speaks for both sides.
/// </summary>
public static class ExpressInterest
{
    public static Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchDecisions.RetryOnConflictAsync(db, () => ExpressInterestOnceAsync(id, user, db, clock, cancellationToken));

    private static async Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> ExpressInterestOnceAsync(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var match = await db.Matches.FindVisibleAsync(id, user, cancellationToken);
        if (match is null)
        {
            return TypedResults.NotFound();
        }

        if (match.Status is MatchStatuses.Declined or MatchStatuses.Withdrawn)
        {
            return Problems.Conflict("Match is closed", $"The match is {match.Status} and can no longer be accepted.");
        }

        if (match.Status == MatchStatuses.Accepted)
        {
            return TypedResults.Ok(match.AsDto(user));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        RecordInterest(match, user, now);
        if (match.OfferInterest == MatchStatuses.Interested && match.WantInterest == MatchStatuses.Interested)
        {
            match.Status = MatchStatuses.Accepted;
            db.AddEvent(await AcceptedAsync(db, match, now, cancellationToken), match.Id.ToString());
            await Learning.LearnAsync(db, match, accepted: true, now, cancellationToken);
        }
        else
        {
            match.Status = MatchStatuses.Interested;
            db.AddEvent(new MatchInterestExpressed(match.Id, match.Kind, WaitingSides(match), clock.GetUtcNow()), match.Id.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(match.AsDto(user));
    }

    /// <summary>The caller's side (both, for an operator who is neither party) is interested.</summary>
    private static void RecordInterest(Match match, ClaimsPrincipal user, DateTime now)
    {
        var org = user.OrganisationId();
        var operatorActs = user.IsOperator() && !match.IsParty(org ?? Guid.Empty);
        if (org == match.OfferOrganisationId || operatorActs)
        {
            match.OfferInterest = MatchStatuses.Interested;
        }

        if (org == match.WantOrganisationId || operatorActs)
        {
            match.WantInterest = MatchStatuses.Interested;
        }

        match.UpdatedAt = now;
        match.Version++;
    }

    /// <summary>The organisations whose side has not said interested yet.</summary>
    private static List<Guid> WaitingSides(Match match)
    {
        var waiting = new List<Guid>();
        if (match.OfferInterest != MatchStatuses.Interested)
        {
            waiting.Add(match.OfferOrganisationId);
        }

        if (match.WantInterest != MatchStatuses.Interested)
        {
            waiting.Add(match.WantOrganisationId);
        }

        return [.. waiting.Distinct()];
    }

    /// <summary>The event Brokerage opens a deal from: both listings and every bundle member as Matching last saw them.</summary>
    private static async Task<MatchAccepted> AcceptedAsync(MatchingDbContext db, Match match, DateTime now, CancellationToken cancellationToken)
    {
        var offer = await SnapshotAsync(db, match.OfferListingId, cancellationToken);
        var want = await SnapshotAsync(db, match.WantListingId, cancellationToken);
        var members = new List<MatchParty>();
        foreach (var m in MatchMapping.Members(match) ?? [])
        {
            members.Add(Party(m.ListingId, m.OrganisationId, await SnapshotAsync(db, m.ListingId, cancellationToken)) with { Share = (decimal)m.Share });
        }

        return new MatchAccepted(match.Id, match.Kind, Party(match.OfferListingId, match.OfferOrganisationId, offer),
            Party(match.WantListingId, match.WantOrganisationId, want), members, match.Score, match.DistanceKm, now);
    }

    private static async Task<ListingSnapshot?> SnapshotAsync(MatchingDbContext db, Guid listingId, CancellationToken cancellationToken)
    {
        var json = await db.Listings.Where(l => l.Id == listingId).Select(l => l.SnapshotJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ListingSnapshot>(json, MatchMapping.Json);
    }

    private static MatchParty Party(Guid listingId, Guid organisationId, ListingSnapshot? s) =>
        new(listingId, organisationId, s?.Title ?? "", s?.EwcCode, s?.ResourceClass ?? "", s?.Quantity.YearlyAmount, s?.Quantity.BaseUnit, null);
}
