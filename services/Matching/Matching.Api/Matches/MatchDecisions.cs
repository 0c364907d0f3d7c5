using Marketplace.ServiceDefaults.Http;

namespace Marketplace.Matching.Matches;

internal static class MatchDecisions
{
    /// <summary>
    /// A party's decision is applied to the match as it is now. Matching re-scores a match when one of its listings or
    /// organisations changes (a consumer writing the same row at the same moment); the decision is then read and
    /// applied again on the fresh row, so the caller never sees the collision. Only repeated collisions answer 409.
    /// </summary>
    public static async Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> RetryOnConflictAsync(
        MatchingDbContext db, Func<Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (tries < 5)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * tries));
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.Conflict("Match changed",
                    "The match kept changing while your decision was saved; read it again and retry.");
            }
        }
    }
}
