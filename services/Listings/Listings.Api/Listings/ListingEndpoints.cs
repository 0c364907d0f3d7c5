using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Listings.Listings;

/// <summary>
/// The route table of listings; each use case has its own file. Writes honour <c>If-Match</c> when sent (412 when
/// stale); without it the write applies to the current version (documented in docs/api.md). Every write bumps the version.
/// </summary>
public static class ListingEndpoints
{
    public static IEndpointRouteBuilder MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/listings").WithTags("Listings");
        group.MapPost("/", CreateListing.Handle).WithName(nameof(CreateListing)).RequireScope(Scopes.ListingsWrite);
        group.MapGet("/", ListListings.Handle).WithName(nameof(ListListings)).RequireScope(Scopes.ListingsRead);
        group.MapGet("/{id:guid}", GetListing.Handle).WithName(nameof(GetListing)).RequireScope(Scopes.ListingsRead);
        group.MapPatch("/{id:guid}", PatchListing.Handle).WithName(nameof(PatchListing)).RequireScope(Scopes.ListingsWrite);
        group.MapPost("/{id:guid}/publish", ChangeListingStatus.PublishListing).WithName(nameof(ChangeListingStatus.PublishListing)).RequireScope(Scopes.ListingsWrite);
        group.MapPost("/{id:guid}/pause", ChangeListingStatus.PauseListing).WithName(nameof(ChangeListingStatus.PauseListing)).RequireScope(Scopes.ListingsWrite);
        group.MapPost("/{id:guid}/close", ChangeListingStatus.CloseListing).WithName(nameof(ChangeListingStatus.CloseListing)).RequireScope(Scopes.ListingsWrite);
        group.MapPost("/import", ImportListings.Handle).WithName(nameof(ImportListings)).RequireScope(Scopes.ListingsWrite);
        group.MapGet("/import/template", GetImportTemplate.Handle).WithName(nameof(GetImportTemplate)).RequireScope(Scopes.ListingsWrite);
        return app;
    }
}
