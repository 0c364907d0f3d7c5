using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Listings.Taxonomy;

/// <summary>The route table of the waste taxonomy; each use case has its own file.</summary>
public static class TaxonomyEndpoints
{
    public static IEndpointRouteBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/taxonomy").WithTags("Taxonomy");
        group.MapGet("/ewc", SuggestEwc.Handle).WithName(nameof(SuggestEwc))
            .WithSummary("Suggest waste codes")
            .WithDescription("European Waste Catalogue entries that fit a text, in any of the thesaurus's six languages, best first.")
            .RequireScope(Scopes.ListingsRead);
        group.MapGet("/ewc/{code}", GetEwc.Handle).WithName(nameof(GetEwc))
            .WithSummary("Get a waste code")
            .WithDescription("One entry of the European Waste Catalogue, with its chapter and sub-chapter headings and whether it is hazardous or a mirror entry.")
            .RequireScope(Scopes.ListingsRead);
        return app;
    }
}
