using System.ComponentModel.DataAnnotations;
using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;

namespace Marketplace.Matching.Matches;

public sealed record DeclineRequest([property: StringLength(500)] string? Reason);

/// <summary>POST /api/v1/matches/{id}/decline: the caller's side declines, with an optional reason; an accepted match is 409.</summary>
public static class DeclineMatch
{
    public static Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, DeclineRequest? request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchDecisions.RetryOnConflictAsync(db, () => DeclineOnceAsync(id, request, user, db, clock, cancellationToken));

    private static async Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> DeclineOnceAsync(
        Guid id, DeclineRequest? request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var match = await db.Matches.FindVisibleAsync(id, user, cancellationToken);
        if (match is null)
        {
            return TypedResults.NotFound();
        }

        if (match.Status == MatchStatuses.Accepted)
        {
            return Problems.Conflict("Match already accepted", "An accepted match continues as a deal in Brokerage.");
        }

        if (match.Status != MatchStatuses.Declined)
        {
            var org = user.OrganisationId() ?? Guid.Empty;
            Decline(match, org, request?.Reason, clock.GetUtcNow().UtcDateTime);
            db.AddEvent(new MatchDeclined(match.Id, org, request?.Reason), match.Id.ToString());
            await Learning.LearnAsync(db, match, accepted: false, match.UpdatedAt, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(match.AsDto(user));
    }

    /// <summary>The match is declined; the side of <paramref name="org"/> (if it is a side) records its answer.</summary>
    private static void Decline(Match match, Guid org, string? reason, DateTime now)
    {
        match.Status = MatchStatuses.Declined;
        if (org == match.OfferOrganisationId)
        {
            match.OfferInterest = MatchStatuses.Declined;
        }
        else if (org == match.WantOrganisationId)
        {
            match.WantInterest = MatchStatuses.Declined;
        }

        match.DeclineReason = reason;
        match.UpdatedAt = now;
        match.Version++;
    }
}
