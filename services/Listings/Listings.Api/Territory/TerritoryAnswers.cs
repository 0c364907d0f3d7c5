using System.Collections.Concurrent;

namespace Marketplace.Listings.Territory;

/// <summary>
/// The map's answers, kept until the territory's data changes: computing a whole territory (10,000 listings, the
/// estimates of 5,000 companies, hot spots) costs a few hundred milliseconds of CPU, and operators look at the same
/// views again and again. Any save that touches listings, organisations, facility facts, territories, rates or reveals
/// moves <see cref="Version"/> on (<see cref="Data.ListingsDbContext"/>), which retires every kept answer; an answer is
/// also kept at most <see cref="MaxAge"/>, so another replica's writes show within that time in a cluster.
/// </summary>
public sealed class TerritoryAnswers(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 32;
    private static long version;
    private readonly ConcurrentDictionary<string, (long Version, DateTimeOffset At, TerritoryFlowsDto Answer)> answers = new(StringComparer.Ordinal);

    public static long Version => Interlocked.Read(ref version);

    /// <summary>The territory's data changed in this process.</summary>
    public static void Changed() => Interlocked.Increment(ref version);

    public TerritoryFlowsDto? Find(string key) =>
        answers.TryGetValue(key, out var kept) && kept.Version == Version && clock.GetUtcNow() - kept.At < MaxAge ? kept.Answer : null;

    /// <summary>Keeps an answer computed at <paramref name="computedAt"/> (the version read before computing, so a change meanwhile retires it).</summary>
    public void Keep(string key, long computedAt, TerritoryFlowsDto answer)
    {
        if (answers.Count >= MaxEntries)
        {
            foreach (var old in answers.OrderBy(a => a.Value.At).Take(answers.Count - MaxEntries + 1))
            {
                answers.TryRemove(old.Key, out _);
            }
        }

        answers[key] = (computedAt, clock.GetUtcNow(), answer);
    }
}
