namespace Marketplace.Brokerage.Projects;

public sealed record ProjectParticipantDto(Guid OrganisationId, string? Name, string Role, string Status, bool SharesQuantities, DateTime InvitedAt, DateTime? JoinedAt);

/// <summary>A flow; when the viewer may not see its owner's quantities, only its existence and owner are shown (<see cref="Hidden"/>).</summary>
public sealed record ProjectFlowDto(Guid Id, Guid OrganisationId, bool Hidden, Guid? ListingId, Guid? MatchId, decimal? QuantityPerYear,
    double? DistanceKm, decimal? DisposalCostPerUnit, string? QualityNotes);

/// <summary>Totals over every flow; <see cref="PooledQuantityPerYear"/> is null when it would reveal a single undisclosed flow.</summary>
public sealed record ProjectTotalsDto(int Participants, int Flows, decimal? PooledQuantityPerYear);

public sealed record ProjectDto(
    Guid Id, string Title, string Purpose, string Stage, string Unit, string? ResourceTitle, string? EwcCode, string? ResourceClass,
    Guid? BundleMatchId, string? FeePlan, string? AbandonReason, DateTime CreatedAt, DateTime UpdatedAt, string ViewedAs,
    IReadOnlyList<ProjectParticipantDto> Participants, IReadOnlyList<ProjectFlowDto> Flows, ProjectTotalsDto Totals);

public sealed record ProjectListDto(IReadOnlyList<ProjectDto> Items, string? NextCursor);

internal static class ProjectMapping
{
    public static ProjectDto AsDto(this Project p, Confidentiality.Viewer viewer, Guid org, IReadOnlyDictionary<Guid, string> names)
    {
        var parties = p.Parties().ToDictionary(x => x.OrganisationId);
        var participants = p.Participants.Where(x => Confidentiality.SeesParticipant(viewer, org, x.OrganisationId))
            .Select(x => new ProjectParticipantDto(x.OrganisationId, names.GetValueOrDefault(x.OrganisationId), x.Role, x.Status, x.SharesQuantities, x.InvitedAt, x.JoinedAt))
            .ToList();
        var flows = p.Flows.Where(f => Confidentiality.SeesParticipant(viewer, org, f.OrganisationId)).Select(f =>
            parties.TryGetValue(f.OrganisationId, out var owner) && Confidentiality.SeesQuantitiesOf(viewer, org, owner)
                ? new ProjectFlowDto(f.Id, f.OrganisationId, false, f.ListingId, f.MatchId, f.QuantityPerYear, f.DistanceKm, f.DisposalCostPerUnit, f.QualityNotes)
                : new ProjectFlowDto(f.Id, f.OrganisationId, true, null, null, null, null, null, null)).ToList();
        var withFlows = p.Flows.Select(f => f.OrganisationId).Distinct().Where(parties.ContainsKey).Select(o => parties[o]);
        var pooled = Confidentiality.SeesAggregates(viewer, org, withFlows) ? p.Flows.Sum(f => f.QuantityPerYear) : (decimal?)null;
        return new ProjectDto(p.Id, p.Title, p.Purpose, p.Stage, p.Unit, p.ResourceTitle, p.EwcCode, p.ResourceClass, p.BundleMatchId, p.FeePlanCode,
            p.AbandonReason, p.CreatedAt, p.UpdatedAt, viewer.ToString().ToLowerInvariant(), participants, flows,
            new ProjectTotalsDto(participants.Count, flows.Count, pooled));
    }
}
