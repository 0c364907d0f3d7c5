using System.Globalization;
using System.Text.Json;
using Marketplace.Portal.Api;

namespace Marketplace.Portal.Projects;

/// <summary>A point of the project's map: a flow at its listing's place (else its organisation's first placed site), or the installation (<see cref="FlowId"/> null).</summary>
public sealed record ProjectPlace(Guid? FlowId, string Title, double Lat, double Lon, string Where)
{
    public static IReadOnlyList<ProjectPlace> Of(ProjectView view, string installation)
    {
        var places = new List<ProjectPlace>();
        foreach (var flow in view.Project.Flows.Where(f => !f.Hidden))
        {
            var name = view.Name(flow.OrganisationId) ?? "";
            if (view.Listings.FirstOrDefault(l => l.Id == flow.ListingId) is { } listing)
            {
                places.Add(new(flow.Id, name, listing.Location.Lat, listing.Location.Lon, listing.Location.Address ?? Coordinates(listing.Location.Lat, listing.Location.Lon)));
            }
            else if (SiteOf(view, flow.OrganisationId) is { } site)
            {
                places.Add(new(flow.Id, name, site.Lat!.Value, site.Lon!.Value, site.Name));
            }
        }

        var operatorOf = view.Project.Participants.FirstOrDefault(p => p.Role == "installation_operator");
        if (operatorOf is not null && SiteOf(view, operatorOf.OrganisationId) is { } plant)
        {
            places.Add(new(null, $"{installation}: {view.Name(operatorOf.OrganisationId)}", plant.Lat!.Value, plant.Lon!.Value, plant.Name));
        }

        return places;
    }

    /// <summary>The map's data as the page embeds it: short keys, the installation marked <c>k: "installation"</c>.</summary>
    public static string ToJson(IEnumerable<ProjectPlace> places) =>
        JsonSerializer.Serialize(places.Select(p => new { a = p.Lat, o = p.Lon, t = p.Title, d = p.Where, k = p.FlowId is null ? "installation" : "flow" }))
            .Replace("<", "\\u003c", StringComparison.Ordinal);

    private static Site? SiteOf(ProjectView view, Guid organisation) =>
        view.Organisations.FirstOrDefault(o => o.Id == organisation)?.Sites.FirstOrDefault(s => s.Placed);

    private static string Coordinates(double lat, double lon) =>
        $"{lat.ToString("0.###", CultureInfo.CurrentCulture)}, {lon.ToString("0.###", CultureInfo.CurrentCulture)}";
}
