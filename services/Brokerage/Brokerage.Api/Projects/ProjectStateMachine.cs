namespace Marketplace.Brokerage.Projects;

/// <summary>
/// The stage transitions as a pure function. Rules: one step forward at a time, never back; the facilitator moves
/// every step; the participant that operates the installation may also report it running (implementation →
/// operating) and closed (operating → closed); only the facilitator abandons, and only with a reason. Guards:
/// feasibility needs two participants and a flow; agreement and implementation need signed agreements that cover
/// the minimum viable scale.
/// </summary>
public static class ProjectStateMachine
{
    public readonly record struct Outcome(string? Stage, string? Error)
    {
        public static Outcome To(string stage) => new(stage, null);

        public static Outcome Refuse(string error) => new(null, error);
    }

    public sealed record Facts(int Participants, int Flows, CommitmentCoverage.Result Coverage);

    public static Outcome Move(string from, string to, ProjectActor actor, string? reason, Facts facts)
    {
        if (!ProjectStages.All.Contains(to))
        {
            return Outcome.Refuse($"There is no stage '{to}'; stages are: {string.Join(", ", ProjectStages.All)}.");
        }

        if (ProjectStages.IsFinal(from))
        {
            return Outcome.Refuse($"The project is {from}; a {from} project does not move any more.");
        }

        if (to == ProjectStages.Abandoned)
        {
            return actor != ProjectActor.Facilitator ? Outcome.Refuse("Only the facilitator can abandon a project.")
                : string.IsNullOrWhiteSpace(reason) ? Outcome.Refuse("Abandoning a project needs a reason.")
                : Outcome.To(to);
        }

        if (ProjectStages.Next(from) != to)
        {
            return Outcome.Refuse($"A project moves one stage forward at a time: from {from} the next stage is {ProjectStages.Next(from)}, not {to}.");
        }

        if (!MayMove(actor, from, to))
        {
            return Outcome.Refuse(actor == ProjectActor.InstallationOperator
                ? $"The installation's operator may report the project operating or closed; moving it to {to} is the facilitator's step."
                : $"Only the facilitator can move the project to {to}.");
        }

        return Guard(to, facts) is { } error ? Outcome.Refuse(error) : Outcome.To(to);
    }

    private static bool MayMove(ProjectActor actor, string from, string to) => actor switch
    {
        ProjectActor.Facilitator => true,
        ProjectActor.InstallationOperator => (from, to) is (ProjectStages.Implementation, ProjectStages.Operating) or (ProjectStages.Operating, ProjectStages.Closed),
        _ => false,
    };

    private static string? Guard(string to, Facts facts) => to switch
    {
        ProjectStages.Feasibility when facts.Participants < 2 || facts.Flows < 1 =>
            $"Feasibility needs at least two participants and one flow; the project has {facts.Participants} participant(s) and {facts.Flows} flow(s).",
        ProjectStages.Agreement or ProjectStages.Implementation when !facts.Coverage.Covered => facts.Coverage.Explanation,
        _ => null,
    };
}
