using Marketplace.Portal.Api;

namespace Marketplace.Portal.Projects;

/// <summary>
/// What every section of the project page needs: the project as the API showed it, who looks (the facilitator or a
/// participant), the last form's outcome, and the organisations the facilitator may pick from.
/// </summary>
public sealed record ProjectView(Project Project, Guid? Own, ProjectOutcome? Outcome, IReadOnlyList<Organisation> Organisations)
{
    /// <summary>The participants' published listings (facilitator only), to pool one as a flow and to place it on the map.</summary>
    public IReadOnlyList<Listing> Listings { get; init; } = [];

    /// <summary>Accepted matches with a participant on a side (facilitator only), to pool one as a flow.</summary>
    public IReadOnlyList<PipelineItem> AcceptedMatches { get; init; } = [];

    public bool Facilitator => Project.ViewedAs == "facilitator";

    public string? Name(Guid organisation) =>
        Project.Participants.FirstOrDefault(p => p.OrganisationId == organisation)?.Name ?? Organisations.FirstOrDefault(o => o.Id == organisation)?.Name;

    /// <summary>The refusal of <paramref name="form"/>, if the last post was that form and the API refused it.</summary>
    public ApiProblem? Problem(string form) => Outcome?.Form == form ? Outcome.Problem : null;

    /// <summary>What the user typed into <paramref name="form"/> before the API refused it, else <paramref name="fallback"/>.</summary>
    public string? Value(string form, string field, string? fallback = null) =>
        Outcome is { Problem: not null } o && o.Form == form ? o.Value(field) : fallback;
}
