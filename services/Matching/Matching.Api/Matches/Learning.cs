using System.Text.Json;
using Marketplace.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Matches;

/// <summary>
/// What the platform learns from decisions: each acceptance raises the weight of the synergy patterns a match
/// relied on, each decline lowers it; later pattern fits are multiplied by the weight. Staged in the same
/// SaveChanges as the decision, so a decision teaches exactly once.
/// </summary>
public static class Learning
{
    public const double Step = 0.1;
    public const double Min = 0.5;
    public const double Max = 1.5;

    public static double Next(double weight, bool accepted) => Math.Clamp(weight + (accepted ? Step : -Step), Min, Max);

    public static async Task LearnAsync(MatchingDbContext db, Match match, bool accepted, DateTime now, CancellationToken cancellationToken)
    {
        var ids = JsonSerializer.Deserialize<List<string>>(match.PatternIdsJson) ?? [];
        foreach (var id in ids.Take(1))
        {
            var weight = await db.PatternWeights.FirstOrDefaultAsync(w => w.PatternId == id, cancellationToken);
            if (weight is null)
            {
                weight = new PatternWeight { PatternId = id };
                db.PatternWeights.Add(weight);
            }

            weight.Weight = Next(weight.Weight, accepted);
            if (accepted)
            {
                weight.Accepted++;
            }
            else
            {
                weight.Declined++;
            }

            weight.UpdatedAt = now;
        }
    }
}
