using System.Text.Json;
using Marketplace.Brokerage.Impact;

namespace Marketplace.Brokerage.Projects;

/// <summary>Reads the stored inputs and computes the worksheet from them, the current flows and the shipped factors.</summary>
internal static class FeasibilityStore
{
    public static FeasibilityInputs? Inputs(Project project) =>
        project.FeasibilityInputsJson is null ? null : JsonSerializer.Deserialize<FeasibilityInputs>(project.FeasibilityInputsJson, JsonSerializerOptions.Web);

    public static Worksheet Compute(Project project, FeasibilityInputs inputs, ImpactFactors factors, IReadOnlyDictionary<Guid, string> names)
    {
        var participants = project.Participants.Where(p => p.Status != ParticipantStatuses.Left)
            .Select(p => new WorksheetParticipant(p.OrganisationId, names.GetValueOrDefault(p.OrganisationId, p.OrganisationId.ToString()), p.Role)).ToList();
        var active = participants.Select(p => p.OrganisationId).ToHashSet();
        var flows = project.Flows.Where(f => active.Contains(f.OrganisationId))
            .Select(f => new WorksheetFlow(f.OrganisationId, f.QuantityPerYear, f.DistanceKm, f.DisposalCostPerUnit)).ToList();
        var material = factors.Select(project.EwcCode, project.ResourceTitle, project.ResourceClass);
        return FeasibilityWorksheet.Compute(project.Unit, inputs, participants, flows, new WorksheetFactors(factors.Transport, material));
    }

    /// <summary>The worksheet as the viewer may see it: others' rows only with their consent, totals and the sensitivity only when they reveal no single hidden flow.</summary>
    public static Worksheet ForViewer(Worksheet sheet, Project project, Confidentiality.Viewer viewer, Guid org)
    {
        if (viewer == Confidentiality.Viewer.Facilitator)
        {
            return sheet;
        }

        var parties = project.Parties().ToDictionary(p => p.OrganisationId);
        var rows = sheet.Participants.Where(r => parties.TryGetValue(r.OrganisationId, out var p) && Confidentiality.SeesQuantitiesOf(viewer, org, p)).ToList();
        var withFlows = project.Flows.Select(f => f.OrganisationId).Distinct().Where(parties.ContainsKey).Select(o => parties[o]);
        var aggregates = Confidentiality.SeesAggregates(viewer, org, withFlows);
        var sensitivity = sheet.LargestSupplierLeaves is { LeavingOrganisationId: { } leaving } s && aggregates
            && parties.TryGetValue(leaving, out var l) && Confidentiality.SeesQuantitiesOf(viewer, org, l) ? s : null;
        return sheet with { Project = aggregates ? sheet.Project : [], Participants = rows, LargestSupplierLeaves = sensitivity };
    }
}
