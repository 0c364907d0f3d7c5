using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.OpenApi;

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
        app.MapGet("/api/v1/territories", GetTerritories.List).WithName("ListTerritories").WithTags("Territory")
            .WithSummary("List the territories")
            .WithDescription("The territories the operator serves, each with its boundary (a GeoJSON MultiPolygon) and bounding box; paged by `limit` (1-100) and `cursor`.")
            .RequireScope(Scopes.ListingsRead);
        app.MapGet("/api/v1/territories/{id:guid}", GetTerritories.One).WithName("GetTerritory").WithTags("Territory")
            .WithSummary("Read a territory")
            .WithDescription("One territory with its boundary.")
            .RequireScope(Scopes.ListingsRead);
        app.MapPut("/api/v1/territories/{id:guid}", PutTerritory.Handle).WithName(nameof(PutTerritory)).WithTags("Territory")
            .WithSummary("Create or replace a territory")
            .WithDescription("The territory's name and boundary as GeoJSON (a Polygon, MultiPolygon, Feature or FeatureCollection of them, longitude first, WGS 84), "
                + "stored as one MultiPolygon. The id is the caller's: repeating the call changes nothing. Organisations inside the boundary are estimated with its rates.")
            .RequireScope(Scopes.ListingsWrite).RequireOperatorRole();
        app.MapDelete("/api/v1/territories/{id:guid}", DeleteTerritory.Handle).WithName(nameof(DeleteTerritory)).WithTags("Territory")
            .WithSummary("Delete a territory")
            .WithDescription("The territory and its own rates; the estimates inside it go back to the shipped figures. Deleting again answers the same 204.")
            .RequireScope(Scopes.ListingsWrite).RequireOperatorRole();
        app.MapGet("/api/v1/estimate-coefficients", GetCoefficients.Handle).WithName(nameof(GetCoefficients)).WithTags("Territory")
            .WithSummary("Read the estimator's coefficient tables")
            .WithDescription("Sector profiles by NACE division with their streams and shares, tonnes per person employed (sector default and country values), "
                + "families' transport range and pooling scale, the source; with `territoryId`, the territory's own rates beside them.")
            .RequireScope(Scopes.ListingsRead).RequireOperatorRole();
        app.MapPut("/api/v1/territories/{id:guid}/coefficients/{sectorId}", PutCoefficientOverride.Handle).WithName(nameof(PutCoefficientOverride))
            .WithTags("Territory")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set a territory's rate for a sector")
            .WithDescription("Tonnes per person employed per year (low, central, high) with their source, for organisations of the sector inside the territory's "
                + "boundary; it replaces the country value and the sector default. Repeating the call changes nothing.")
            .RequireScope(Scopes.ListingsWrite).RequireOperatorRole();
        app.MapDelete("/api/v1/territories/{id:guid}/coefficients/{sectorId}", PutCoefficientOverride.Delete).WithName("DeleteCoefficientOverride")
            .WithTags("Territory")
            .WithSummary("Remove a territory's rate for a sector")
            .WithDescription("The sector's organisations in the territory are estimated with the shipped figures again.")
            .RequireScope(Scopes.ListingsWrite).RequireOperatorRole();
        app.MapPost("/api/v1/facility-facts/import", ImportFacilityFacts.Handle).WithName(nameof(ImportFacilityFacts)).WithTags("Territory")
            .DocumentsBody<string>("text/csv")
            .Produces<FacilityFactReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Import facilities' reported flows from CSV")
            .WithDescription("Industrial-emissions register waste transfers and excess-heat sites (columns in the docs; the register's own column names are understood). "
                + "Each row goes to the registered organisation it names by id or by name (the nearest namesake within 25 km); a reported flow replaces the "
                + "estimate of the stream it covers. Importing the same file again changes nothing; `?dryRun=true` reports and stores nothing.")
            .RequireScope(Scopes.ListingsWrite).RequireOperatorRole();
        return app;
    }
}
