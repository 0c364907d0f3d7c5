namespace Marketplace.Listings.Territory;

/// <summary>Estimates are about one organisation and are shown to that organisation and to operators only.</summary>
public static class EstimateAccess
{
    public static bool MaySee(Guid subjectOrganisationId, Guid? viewerOrganisationId, bool viewerIsOperator) =>
        viewerIsOperator || viewerOrganisationId == subjectOrganisationId;

    /// <summary>The flows of a territory a viewer may see: all for an operator, else only the viewer's own.</summary>
    public static IEnumerable<EstimatedFlow> Visible(IEnumerable<EstimatedFlow> flows, Guid? viewerOrganisationId, bool viewerIsOperator) =>
        flows.Where(f => MaySee(f.OrganisationId, viewerOrganisationId, viewerIsOperator));
}
