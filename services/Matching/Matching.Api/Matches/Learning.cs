using System.Text.Json;
using Marketplace.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Matches;

/// <summary>
/// What the platform learns from decisions: each acceptance raises the weight of the synergy pattern a match
/// relied on and of the terms its descriptions shared (thesaurus concepts and stems), each decline lowers them;
/// later pattern fits are multiplied by the pattern weight, and pairs resting on learned terms gain or lose up to
/// 0.05 (see <see cref="Scoring.LearnedTerms"/>). Staged in the same SaveChanges as the decision, so a decision
/// teaches exactly once.
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

            weight.Record(accepted, now);
        }

        List<string> stored = string.IsNullOrEmpty(match.TermsJson) ? [] : JsonSerializer.Deserialize<List<string>>(match.TermsJson) ?? [];
        var terms = stored.Where(t => t.Length <= 100).Distinct().ToList();
        var known = await db.TermWeights.Where(w => terms.Contains(w.Term)).ToDictionaryAsync(w => w.Term, cancellationToken);
        foreach (var term in terms)
        {
            if (!known.TryGetValue(term, out var weight))
            {
                weight = new TermWeight { Term = term };
                db.TermWeights.Add(weight);
            }

            weight.Record(accepted, now);
        }
    }

    /// <summary>Everything learned, as one lookup for <see cref="Scoring.Score"/>: pattern ids, and terms by their <c>th:</c>/<c>st:</c> key.</summary>
    public static async Task<Dictionary<string, double>> LearnedAsync(MatchingDbContext db, CancellationToken cancellationToken)
    {
        var learned = await db.PatternWeights.AsNoTracking().ToDictionaryAsync(w => w.PatternId, w => w.Weight, StringComparer.Ordinal, cancellationToken);
        await foreach (var t in db.TermWeights.AsNoTracking().Where(w => w.Weight != 1.0).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            learned[t.Term] = t.Weight;
        }

        return learned;
    }
}
