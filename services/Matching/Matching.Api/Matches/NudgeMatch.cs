using System.ComponentModel.DataAnnotations;
using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;

namespace Marketplace.Matching.Matches;

public sealed record NudgeRequest([property: StringLength(500)] string? Note);

/// <summary>
/// POST /api/v1/matches/{id}/nudge (operator): reminds both sides of an open suggestion. Each nudge is one notification
/// to each side (a client's retry with the same Idempotency-Key is answered once); a decided match is 409.
/// </summary>
public static class NudgeMatch
{
    public static Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, NudgeRequest? request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchDecisions.RetryOnConflictAsync(db, () => NudgeOnceAsync(id, request, user, db, clock, cancellationToken));

    private static async Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> NudgeOnceAsync(
        Guid id, NudgeRequest? request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var match = await db.Matches.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (match is null)
        {
            return TypedResults.NotFound();
        }

        if (!PipelineRules.IsOpen(match.Status))
        {
            return Problems.Conflict("Match not open", $"The match is {match.Status}: only a suggestion nobody has decided yet can be nudged.");
        }

        var now = clock.GetUtcNow();
        match.NudgedAt = now.UtcDateTime;
        db.AddEvent(new MatchNudged(match.Id, [match.OfferOrganisationId, match.WantOrganisationId], Blank(request?.Note), now), match.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(match.AsDto(user));
    }

    private static string? Blank(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
