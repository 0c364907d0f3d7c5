namespace Marketplace.Matching.Matches;

/// <summary>The operator's pipeline in pure decisions: which matches are open, their stage, and when one has stalled.</summary>
public static class PipelineRules
{
    public const int DefaultStalledDays = 14;

    /// <summary>The stages a pipeline query may ask for: <c>open</c> is both undecided stages.</summary>
    public static readonly IReadOnlyList<string> Stages = ["open", MatchStatuses.Suggested, MatchStatuses.Interested, MatchStatuses.Accepted];

    public static bool IsOpen(string status) => status is MatchStatuses.Suggested or MatchStatuses.Interested;

    /// <summary>The statuses a stage stands for (<c>open</c>: suggested and interested).</summary>
    public static IReadOnlyList<string> StatusesOf(string stage) =>
        stage == "open" ? [MatchStatuses.Suggested, MatchStatuses.Interested] : [stage];

    /// <summary>
    /// Whole days since anything happened on the match: a side's answer, a re-score, or the facilitator's nudge (a nudge
    /// restarts the clock, so a reminded pair is not flagged again at once).
    /// </summary>
    public static int IdleDays(DateTime updatedAt, DateTime? nudgedAt, DateTimeOffset now)
    {
        var last = nudgedAt is { } nudged && nudged > updatedAt ? nudged : updatedAt;
        return Math.Max(0, (int)Math.Floor((now.UtcDateTime - last).TotalDays));
    }

    /// <summary>An open match nobody touched for <paramref name="stalledDays"/> days or more has stalled.</summary>
    public static bool IsStalled(string status, int idleDays, int stalledDays) => IsOpen(status) && idleDays >= stalledDays;

    /// <summary>Who still owes an answer: the sides whose interest is still <c>suggested</c>.</summary>
    public static string Waiting(Match match) => (match.OfferInterest, match.WantInterest) switch
    {
        (MatchStatuses.Suggested, MatchStatuses.Suggested) => "both",
        (MatchStatuses.Suggested, _) => "supplier",
        (_, MatchStatuses.Suggested) => "receiver",
        _ => "none",
    };
}
