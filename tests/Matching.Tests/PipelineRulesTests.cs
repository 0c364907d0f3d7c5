using Marketplace.Matching.Matches;

namespace Marketplace.Matching.Tests;

public sealed class PipelineRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("suggested", true)]
    [InlineData("interested", true)]
    [InlineData("accepted", false)]
    [InlineData("declined", false)]
    [InlineData("withdrawn", false)]
    public void Only_undecided_matches_are_open(string status, bool open) => Assert.Equal(open, PipelineRules.IsOpen(status));

    [Fact]
    public void Idle_days_count_from_the_later_of_the_last_change_and_the_last_nudge()
    {
        var changed = Now.UtcDateTime.AddDays(-20).AddHours(-1);
        Assert.Equal(20, PipelineRules.IdleDays(changed, null, Now));
        Assert.Equal(3, PipelineRules.IdleDays(changed, Now.UtcDateTime.AddDays(-3), Now));
        Assert.Equal(20, PipelineRules.IdleDays(changed, changed.AddDays(-5), Now)); // a nudge before the last change does not count
        Assert.Equal(0, PipelineRules.IdleDays(Now.UtcDateTime.AddMinutes(5), null, Now)); // clock skew never gives a negative age
    }

    [Theory]
    [InlineData("suggested", 14, 14, true)]
    [InlineData("suggested", 13, 14, false)]
    [InlineData("interested", 30, 14, true)]
    [InlineData("accepted", 30, 14, false)]
    public void An_open_match_idle_for_the_threshold_has_stalled(string status, int idle, int threshold, bool stalled) =>
        Assert.Equal(stalled, PipelineRules.IsStalled(status, idle, threshold));

    [Theory]
    [InlineData("suggested", "suggested", "both")]
    [InlineData("interested", "suggested", "receiver")]
    [InlineData("suggested", "interested", "supplier")]
    [InlineData("interested", "interested", "none")]
    public void Waiting_names_the_sides_that_still_owe_an_answer(string offer, string want, string waiting) =>
        Assert.Equal(waiting, PipelineRules.Waiting(new Match { ReasonsJson = "[]", OfferInterest = offer, WantInterest = want }));

    [Fact]
    public void The_open_stage_stands_for_both_undecided_statuses()
    {
        Assert.Equal(["suggested", "interested"], PipelineRules.StatusesOf("open"));
        Assert.Equal(["accepted"], PipelineRules.StatusesOf("accepted"));
    }
}
