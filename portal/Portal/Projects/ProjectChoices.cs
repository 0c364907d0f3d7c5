using Marketplace.Portal.Api;

namespace Marketplace.Portal.Projects;

/// <summary>What the facilitator picks from on the project page: the organisations it can see (with their sites, for the map), the participants' published listings, accepted matches.</summary>
internal static class ProjectChoices
{
    public static async Task<ProjectView> LoadAsync(ProjectView view, OperatorApi operatorApi, ListingsApi listings, MatchingApi matching, CancellationToken cancellationToken)
    {
        var organisations = (await operatorApi.OrganisationsAsync(null, 200, cancellationToken)).Items.OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        var pages = await Task.WhenAll(view.Project.Participants.Select(p => listings.MineAsync(p.OrganisationId, null, "published", 50, cancellationToken)));
        var members = view.Project.Participants.Select(p => p.OrganisationId).ToHashSet();
        var accepted = (await matching.PipelineAsync("?stage=accepted&limit=100", cancellationToken)).Items
            .Where(m => members.Contains(m.Offer.OrganisationId) || members.Contains(m.Want.OrganisationId)).ToList();
        return view with { Organisations = organisations, Listings = [.. pages.SelectMany(p => p.Items)], AcceptedMatches = accepted };
    }
}
