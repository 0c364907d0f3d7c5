using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Listings.Taxonomy;

/// <summary>The route table of the waste taxonomy; each use case has its own file.</summary>
public static class TaxonomyEndpoints
{
    public static IEndpointRouteBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/taxonomy").WithTags("Taxonomy");
        group.MapGet("/ewc", SuggestEwc.Handle).WithName(nameof(SuggestEwc)).RequireScope(Scopes.ListingsRead);
        group.MapGet("/ewc/{code}", GetEwc.Handle).WithName(nameof(GetEwc)).RequireScope(Scopes.ListingsRead);
        return app;
    }
}
