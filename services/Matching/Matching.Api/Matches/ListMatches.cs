using System.Globalization;
using Marketplace.ServiceDefaults.Http;

namespace Marketplace.Matching.Matches;

public sealed record MatchPageDto(IReadOnlyList<MatchDto> Items, string? NextCursor);

/// <summary>GET /api/v1/matches: the operators' pipeline: matches by status, oldest first, with an opaque cursor.</summary>
public static class ListMatches
{
    public static async Task<Results<Ok<MatchPageDto>, ForbidHttpResult, ValidationProblem>> Handle(
        ClaimsPrincipal user, MatchingDbContext db, string? status, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!user.IsOperator())
        {
            return TypedResults.Forbid();
        }

        if (status is not null && status is not (MatchStatuses.Suggested or MatchStatuses.Interested or MatchStatuses.Accepted or MatchStatuses.Declined or MatchStatuses.Withdrawn))
        {
            return Problems.Invalid("status", "status must be one of: suggested, interested, accepted, declined, withdrawn.");
        }

        long after = 0;
        if (cursor is not null && !long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return Problems.Invalid("cursor", "cursor must be a value returned as nextCursor.");
        }

        var take = Math.Clamp(limit ?? 50, 1, 200);
        var query = db.Matches.AsNoTracking().Where(m => m.Sequence > after);
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }

        var page = await query.OrderBy(m => m.Sequence).Take(take + 1).ToListAsync(cancellationToken);
        var next = page.Count > take ? page[take - 1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new MatchPageDto([.. page.Take(take).Select(m => m.AsDto(user))], next));
    }
}
