using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Listings.Territory;

/// <summary>The route table of the territory map and estimated flows; each use case has its own file.</summary>
public static class TerritoryEndpoints
{
    public static IEndpointRouteBuilder MapTerritoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/territory/flows", GetTerritoryFlows.Handle).WithName(nameof(GetTerritoryFlows)).WithTags("Territory")
            .WithSummary("Map the territory's flows")
            .WithDescription("Declared flows (published listings), estimated flows, companies and hot spots in a bounding box, filtered by class, "
                + "waste-code chapter, family, hazard and quantity. Estimates, companies and hot spots of other organisations are for operators only.")
            .RequireScope(Scopes.ListingsRead);
        app.MapGet("/api/v1/organisations/{id:guid}/estimated-flows", GetOrganisationEstimates.Handle).WithName(nameof(GetOrganisationEstimates))
            .WithTags("Territory")
            .WithSummary("Estimate an organisation's flows")
            .WithDescription("The streams and yearly quantities (low, central, high) firms of this sector and size usually have, labelled estimated, "
                + "with basis and source; published offers replace the estimate of their stream. For the organisation itself and operators; 404 for anyone else.")
            .RequireScope(Scopes.ListingsRead);
        return app;
    }
}
