using System.ComponentModel.DataAnnotations;
using Marketplace.ServiceDefaults.Http;

namespace Marketplace.Matching.Matches;

public sealed record ArchiveRequest([property: StringLength(400)] string? Reason);

/// <summary>
/// POST /api/v1/matches/{id}/archive (operator): takes an open suggestion out of the pipeline and the parties' inboxes
/// without speaking for either side: it becomes <c>withdrawn</c>, and nothing is learned from it (a decline would lower
/// the pattern's weight). Archiving again answers the match unchanged; an accepted match is 409 (it is a deal).
/// </summary>
public static class ArchiveMatch
{
    public const string ReasonPrefix = "Archived by the facilitator";

    public static Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, ArchiveRequest? request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchDecisions.RetryOnConflictAsync(db, () => ArchiveOnceAsync(id, request, user, db, clock, cancellationToken));

    private static async Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> ArchiveOnceAsync(
        Guid id, ArchiveRequest? request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var match = await db.Matches.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (match is null)
        {
            return TypedResults.NotFound();
        }

        if (match.Status == MatchStatuses.Accepted)
        {
            return Problems.Conflict("Match already accepted", "An accepted match continues as a deal in Brokerage; it cannot be archived.");
        }

        if (PipelineRules.IsOpen(match.Status))
        {
            match.Status = MatchStatuses.Withdrawn;
            match.DeclineReason = string.IsNullOrWhiteSpace(request?.Reason) ? ReasonPrefix + "." : $"{ReasonPrefix}: {request.Reason.Trim()}";
            match.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            match.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(match.AsDto(user));
    }
}
