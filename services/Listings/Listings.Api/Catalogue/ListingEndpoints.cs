using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.OpenApi;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// The route table of listings; each use case has its own file. Writes honour <c>If-Match</c> when sent (412 when
/// stale); without it the write applies to the current version (documented in docs/api.md). Every write bumps the version.
/// </summary>
public static class ListingEndpoints
{
    public static IEndpointRouteBuilder MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/listings").WithTags("Listings");
        group.MapPost("/", CreateListing.Handle).WithName(nameof(CreateListing))
            .DocumentsBody<CreateListingRequest>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Post a listing")
            .WithDescription("Creates an offer or a want. It is published (and matched) unless `status` is `draft`. Every field is checked against the listing rules; each problem is named by its field in a validation problem.")
            .RequireScope(Scopes.ListingsWrite);
        group.MapGet("/", ListListings.Handle).WithName(nameof(ListListings))
            .WithSummary("List listings")
            .WithDescription("Listings the caller may see, filtered by kind, status, class, waste code, organisation or text, newest first. `{ items, nextCursor }`.")
            .RequireScope(Scopes.ListingsRead);
        group.MapGet("/{id:guid}", GetListing.Handle).WithName(nameof(GetListing))
            .WithSummary("Get a listing")
            .WithDescription("One listing. An anonymous listing seen by a stranger has its organisation hidden and its location coarsened to a ~5 km cell. The ETag is its version.")
            .RequireScope(Scopes.ListingsRead);
        group.MapPatch("/{id:guid}", PatchListing.Handle).WithName(nameof(PatchListing))
            .DocumentsBody<PatchListingRequest>("application/merge-patch+json", "application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Change a listing")
            .WithDescription("A JSON merge patch of the listing's fields; the same rules as a create apply to the result. With `If-Match` a stale version is refused with 412.")
            .RequireScope(Scopes.ListingsWrite);
        group.MapPost("/{id:guid}/publish", ChangeListingStatus.PublishListing).WithName(nameof(ChangeListingStatus.PublishListing))
            .WithSummary("Publish a listing")
            .WithDescription("Publishes a draft or paused listing, which makes it visible and matched.")
            .RequireScope(Scopes.ListingsWrite)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/pause", ChangeListingStatus.PauseListing).WithName(nameof(ChangeListingStatus.PauseListing))
            .WithSummary("Pause a listing")
            .WithDescription("Takes a published listing out of matching until it is published again.")
            .RequireScope(Scopes.ListingsWrite)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/close", ChangeListingStatus.CloseListing).WithName(nameof(ChangeListingStatus.CloseListing))
            .WithSummary("Close a listing")
            .WithDescription("Closes a listing for good, with an optional reason; a closed listing is read-only.")
            .RequireScope(Scopes.ListingsWrite)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/import", ImportListings.Handle).WithName(nameof(ImportListings))
            .DocumentsBody<string>("text/csv")
            .Produces<ImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Import listings from CSV")
            .WithDescription("A CSV of listings (columns in the docs), as the body or the first file of a form. Comma or semicolon separated (a `sep=` line, `?separator=` or detection), decimal commas in semicolon files. A row with a known externalRef updates that listing. With `?atomic=true` nothing is stored when any row is rejected; `?dryRun=true` checks the file and stores nothing (a preview). The report names each row's result.")
            .RequireScope(Scopes.ListingsWrite);
        group.MapGet("/import/template", GetImportTemplate.Handle).WithName(nameof(GetImportTemplate))
            .WithSummary("Download the CSV import template")
            .WithDescription("A CSV with every import column and one example row that imports as it is. `?separator=semicolon` gives the file as Excel writes it where the decimal mark is a comma. UTF-8 with a byte-order mark.")
            .RequireScope(Scopes.ListingsWrite);
        return app;
    }
}
