using Marketplace.Brokerage.Projects;

namespace Marketplace.Brokerage.Tests.Projects;

/// <summary>The stage state machine, commitment coverage and the confidentiality rules, without a host.</summary>
public sealed class ProjectRulesTests
{
    private static readonly Guid Org1 = Guid.NewGuid();
    private static readonly Guid Org2 = Guid.NewGuid();
    private static readonly Guid Org3 = Guid.NewGuid();

    private static readonly CommitmentCoverage.Result Covered = CommitmentCoverage.Of(100m, "t", [Signed(Org1, 100m)]);
    private static readonly CommitmentCoverage.Result NotCovered = CommitmentCoverage.Of(100m, "t", [Signed(Org1, 60m)]);
    private static readonly ProjectStateMachine.Facts Ready = new(3, 2, Covered);

    private static CommitmentCoverage.Commitment Signed(Guid org, decimal quantity, int version = 1, string kind = CommitmentKinds.Agreement) =>
        new(org, kind, CommitmentStatuses.SignedByParticipant, version, quantity);

    [Theory]
    [InlineData("idea", "feasibility")]
    [InlineData("feasibility", "agreement")]
    [InlineData("agreement", "implementation")]
    [InlineData("implementation", "operating")]
    [InlineData("operating", "closed")]
    public void The_facilitator_moves_a_project_one_stage_forward(string from, string to)
    {
        Assert.Equal(to, ProjectStateMachine.Move(from, to, ProjectActor.Facilitator, null, Ready).Stage);
    }

    [Theory]
    [InlineData("idea", "agreement")]
    [InlineData("agreement", "feasibility")]
    [InlineData("operating", "operating")]
    [InlineData("idea", "nowhere")]
    [InlineData("closed", "abandoned")]
    [InlineData("abandoned", "idea")]
    public void Skipping_going_back_unknown_stages_and_moving_a_final_project_are_refused(string from, string to)
    {
        var outcome = ProjectStateMachine.Move(from, to, ProjectActor.Facilitator, "reason", Ready);

        Assert.Null(outcome.Stage);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
    }

    [Theory]
    [InlineData("implementation", "operating", true)]
    [InlineData("operating", "closed", true)]
    [InlineData("idea", "feasibility", false)]
    [InlineData("feasibility", "agreement", false)]
    public void The_installation_operator_may_only_report_the_installation_running_or_closed(string from, string to, bool allowed)
    {
        Assert.Equal(allowed, ProjectStateMachine.Move(from, to, ProjectActor.InstallationOperator, null, Ready).Stage == to);
    }

    [Theory]
    [InlineData(ProjectActor.Participant)]
    [InlineData(ProjectActor.Outsider)]
    public void Other_participants_and_outsiders_move_nothing(ProjectActor actor)
    {
        Assert.All(ProjectStages.Forward.Zip(ProjectStages.Forward.Skip(1)), step =>
            Assert.NotNull(ProjectStateMachine.Move(step.First, step.Second, actor, null, Ready).Error));
        Assert.NotNull(ProjectStateMachine.Move("idea", "abandoned", actor, "no money", Ready).Error);
    }

    [Fact]
    public void Only_the_facilitator_abandons_and_only_with_a_reason()
    {
        Assert.Equal("abandoned", ProjectStateMachine.Move("feasibility", "abandoned", ProjectActor.Facilitator, "The largest supplier closes its plant.", Ready).Stage);
        Assert.Contains("reason", ProjectStateMachine.Move("feasibility", "abandoned", ProjectActor.Facilitator, " ", Ready).Error, StringComparison.Ordinal);
        Assert.NotNull(ProjectStateMachine.Move("operating", "abandoned", ProjectActor.InstallationOperator, "broken", Ready).Error);
    }

    [Fact]
    public void Feasibility_needs_two_participants_and_a_flow()
    {
        Assert.NotNull(ProjectStateMachine.Move("idea", "feasibility", ProjectActor.Facilitator, null, new(1, 1, Covered)).Error);
        Assert.NotNull(ProjectStateMachine.Move("idea", "feasibility", ProjectActor.Facilitator, null, new(2, 0, Covered)).Error);
    }

    [Fact]
    public void Agreement_needs_signed_commitments_that_cover_the_minimum_viable_scale()
    {
        var refused = ProjectStateMachine.Move("feasibility", "agreement", ProjectActor.Facilitator, null, new(3, 2, NotCovered));

        Assert.Null(refused.Stage);
        Assert.Contains("40 t/year more", refused.Error, StringComparison.Ordinal);
        Assert.Equal("agreement", ProjectStateMachine.Move("feasibility", "agreement", ProjectActor.Facilitator, null, Ready).Stage);
    }

    [Fact]
    public void Coverage_counts_each_participants_latest_signed_agreement_only()
    {
        var result = CommitmentCoverage.Of(100m, "t",
        [
            Signed(Org1, 30m, 1), Signed(Org1, 50m, 3),                       // the later signed version replaces the earlier
            new(Org1, CommitmentKinds.Agreement, CommitmentStatuses.Proposed, 4, 500m), // unsigned: does not count
            Signed(Org2, 40m, 2, CommitmentKinds.LetterOfIntent),            // a letter of intent does not count
            Signed(Org3, 45m, 1),
        ]);

        Assert.Equal(95m, result.SignedQuantity);
        Assert.Equal(40m, result.IntendedQuantity);
        Assert.False(result.Covered);
    }

    [Fact]
    public void Without_a_minimum_viable_scale_nothing_is_covered()
    {
        var result = CommitmentCoverage.Of(0m, "t", [Signed(Org1, 1000m)]);

        Assert.False(result.Covered);
        Assert.Contains("not set", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commitment_is_signed_once_in_its_latest_version_by_the_participant_that_commits()
    {
        Assert.Null(CommitmentRules.CanSign(CommitmentStatuses.Proposed, true, Org1, Org1));
        Assert.NotNull(CommitmentRules.CanSign(CommitmentStatuses.Proposed, true, Org1, Org2));
        Assert.NotNull(CommitmentRules.CanSign(CommitmentStatuses.Proposed, false, Org1, Org1));
        Assert.NotNull(CommitmentRules.CanSign(CommitmentStatuses.Superseded, true, Org1, Org1));
        Assert.NotNull(CommitmentRules.CanSign(CommitmentStatuses.SignedByParticipant, true, Org1, Org1));
    }

    [Fact]
    public void A_non_participant_sees_nothing_and_an_invited_one_only_itself()
    {
        Confidentiality.Party[] parties = [new(Org1, ParticipantStatuses.Joined, false), new(Org2, ParticipantStatuses.Invited, true)];

        Assert.False(Confidentiality.SeesProject(Confidentiality.Of(false, Org3, parties)));
        var invited = Confidentiality.Of(false, Org2, parties);
        Assert.Equal(Confidentiality.Viewer.Invited, invited);
        Assert.True(Confidentiality.SeesProject(invited));
        Assert.False(Confidentiality.SeesParticipant(invited, Org2, Org1));
        Assert.True(Confidentiality.SeesParticipant(invited, Org2, Org2));
        Assert.False(Confidentiality.SeesQuantitiesOf(invited, Org2, parties[0]));
        Assert.False(Confidentiality.SeesProject(Confidentiality.Of(false, Org1, [new(Org1, ParticipantStatuses.Left, false)])));
    }

    [Fact]
    public void A_member_sees_anothers_quantities_only_with_its_consent_and_the_facilitator_always()
    {
        var quiet = new Confidentiality.Party(Org2, ParticipantStatuses.Joined, false);
        var open = new Confidentiality.Party(Org3, ParticipantStatuses.Joined, true);
        Confidentiality.Party[] parties = [new(Org1, ParticipantStatuses.Joined, false), quiet, open];
        var member = Confidentiality.Of(false, Org1, parties);

        Assert.Equal(Confidentiality.Viewer.Member, member);
        Assert.True(Confidentiality.SeesParticipant(member, Org1, Org2));
        Assert.False(Confidentiality.SeesQuantitiesOf(member, Org1, quiet));
        Assert.True(Confidentiality.SeesQuantitiesOf(member, Org1, open));
        Assert.True(Confidentiality.SeesQuantitiesOf(member, Org1, parties[0]));
        Assert.True(Confidentiality.SeesQuantitiesOf(Confidentiality.Of(true, Guid.Empty, parties), Guid.Empty, quiet));
    }

    [Fact]
    public void An_aggregate_is_withheld_when_it_would_reveal_the_single_undisclosed_flow()
    {
        var me = new Confidentiality.Party(Org1, ParticipantStatuses.Joined, false);
        var quiet = new Confidentiality.Party(Org2, ParticipantStatuses.Joined, false);
        var quiet2 = new Confidentiality.Party(Org3, ParticipantStatuses.Joined, false);
        var member = Confidentiality.Viewer.Member;

        Assert.False(Confidentiality.SeesAggregates(member, Org1, [me, quiet]));
        Assert.True(Confidentiality.SeesAggregates(member, Org1, [me, quiet, quiet2]));
        Assert.True(Confidentiality.SeesAggregates(member, Org1, [me, quiet with { SharesQuantities = true }]));
        Assert.True(Confidentiality.SeesAggregates(Confidentiality.Viewer.Facilitator, Guid.Empty, [me, quiet]));
        Assert.False(Confidentiality.SeesAggregates(Confidentiality.Viewer.Invited, Org1, [me, quiet, quiet2]));
    }
}
