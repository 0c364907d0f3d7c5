namespace Marketplace.Matching.Matches;

/// <summary>GET /api/v1/matches/{id}: one match of the caller (404 for anyone but its parties and the operator).</summary>
public static class GetMatch
{
    public static async Task<Results<Ok<MatchDto>, NotFound>> Handle(Guid id, ClaimsPrincipal user, MatchingDbContext db, CancellationToken cancellationToken)
    {
        var match = await db.Matches.AsNoTracking().FindVisibleAsync(id, user, cancellationToken);
        return match is null ? TypedResults.NotFound() : TypedResults.Ok(match.AsDto(user));
    }
}
