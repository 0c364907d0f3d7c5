namespace Marketplace.Brokerage.Projects;

/// <summary>
/// Who sees what of a project, as pure functions. The facilitator (an operator user) sees everything. A member
/// (a participant that joined) sees the project, the other participants and their roles, its own quantities, and
/// another's quantities only when that participant consented; otherwise only aggregates, and an aggregate only
/// when it hides at least two undisclosed flows (with one, aggregate minus the disclosed ones would be that
/// flow). An invited participant sees the project and its own entry, not the others. Anyone else sees nothing
/// (404, as for deals).
/// </summary>
public static class Confidentiality
{
    public enum Viewer
    {
        Facilitator,
        Member,
        Invited,
        Outsider,
    }

    public sealed record Party(Guid OrganisationId, string Status, bool SharesQuantities);

    public static Viewer Of(bool isOperator, Guid organisationId, IEnumerable<Party> parties)
    {
        if (isOperator)
        {
            return Viewer.Facilitator;
        }

        var own = parties.FirstOrDefault(p => p.OrganisationId == organisationId);
        return own is null || own.Status == ParticipantStatuses.Left ? Viewer.Outsider : own.Status == ParticipantStatuses.Joined ? Viewer.Member : Viewer.Invited;
    }

    public static bool SeesProject(Viewer viewer) => viewer != Viewer.Outsider;

    public static bool SeesParticipant(Viewer viewer, Guid viewerOrganisation, Guid participant) =>
        viewer is Viewer.Facilitator or Viewer.Member || viewerOrganisation == participant;

    public static bool SeesQuantitiesOf(Viewer viewer, Guid viewerOrganisation, Party owner) => viewer switch
    {
        Viewer.Facilitator => true,
        Viewer.Member => owner.OrganisationId == viewerOrganisation || owner.SharesQuantities,
        Viewer.Invited => owner.OrganisationId == viewerOrganisation,
        _ => false,
    };

    /// <summary>Totals over every flow (pooled quantity, coverage) may be shown when the viewer sees each flow, or when at least two stay hidden.</summary>
    public static bool SeesAggregates(Viewer viewer, Guid viewerOrganisation, IEnumerable<Party> partiesWithFlows)
    {
        if (viewer == Viewer.Facilitator)
        {
            return true;
        }

        if (viewer != Viewer.Member)
        {
            return false;
        }

        var hidden = partiesWithFlows.Count(p => !SeesQuantitiesOf(viewer, viewerOrganisation, p));
        return hidden is 0 or >= 2;
    }
}

public static class ParticipantStatuses
{
    public const string Invited = "invited";
    public const string Joined = "joined";
    public const string Left = "left";
}
