using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Http;
using Marketplace.Listings.Taxonomy;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Listings.Listings;

public sealed record CloseListingRequest(string? Reason);

/// <summary>
/// Create, read, PATCH and the status transitions. Writes honour <c>If-Match</c> when sent (412 when stale);
/// without it the write applies to the current version (documented in docs/api.md). Every write bumps the version.
/// </summary>
public static class ListingEndpoints
{
    public static IEndpointRouteBuilder MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/listings").WithTags("Listings");
        group.MapPost("/", CreateListing).WithName(nameof(CreateListing)).RequireScope(Scopes.ListingsWrite);
        group.MapGet("/", ListingQueries.ListListings).WithName(nameof(ListingQueries.ListListings)).RequireScope(Scopes.ListingsRead);
        group.MapGet("/{id:guid}", GetListing).WithName(nameof(GetListing)).RequireScope(Scopes.ListingsRead);
        group.MapPatch("/{id:guid}", PatchListing).WithName(nameof(PatchListing)).RequireScope(Scopes.ListingsWrite);
        group.MapPost("/{id:guid}/publish", PublishListing).WithName(nameof(PublishListing)).RequireScope(Scopes.ListingsWrite);
        group.MapPost("/{id:guid}/pause", PauseListing).WithName(nameof(PauseListing)).RequireScope(Scopes.ListingsWrite);
        group.MapPost("/{id:guid}/close", CloseListing).WithName(nameof(CloseListing)).RequireScope(Scopes.ListingsWrite);
        group.MapPost("/import", ListingImport.ImportListings).WithName(nameof(ListingImport.ImportListings)).RequireScope(Scopes.ListingsWrite);
        return app;
    }

    public static async Task<Results<Created<ListingDto>, ValidationProblem, ProblemHttpResult>> CreateListing(
        HttpContext http, ClaimsPrincipal user, ListingsDbContext db, EwcCatalog catalog, TimeProvider clock,
        IOptions<ListingsOptions> options, CancellationToken cancellationToken)
    {
        var (body, bodyErrors) = await JsonBody.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.ValidationProblem(bodyErrors!);
        }

        var viewer = Viewer.Of(user);
        var input = new ListingInput();
        var errors = new Dictionary<string, string[]>();
        ListingJsonReader.Apply(body, input, patch: false, viewer.IsOperator, errors);
        input.EwcChanged = true;
        var organisationId = user.ActingOrganisation(input.OrganisationId);
        if (organisationId is null)
        {
            return Forbidden(input.OrganisationId is null
                ? "The token carries no organisation; an operator must name organisationId."
                : "Only an operator may create a listing for another organisation (organisationId).");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var normalised = input.Validate(catalog, DateOnly.FromDateTime(now), creating: true, errors);
        if (normalised is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (input.ExternalRef is not null
            && await db.Listings.AnyAsync(l => l.OrganisationId == organisationId && l.ExternalRef == input.ExternalRef, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Duplicate externalRef",
                detail: $"The organisation already has a listing with externalRef '{input.ExternalRef}'; PATCH it instead.");
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        var listing = NewListing(organisationId.Value, input.Status == ListingStatuses.Draft ? ListingStatuses.Draft : ListingStatuses.Published, now);
        listing.NaceCode = organisation?.NaceCode;
        input.ApplyTo(listing, normalised);
        db.Listings.Add(listing);
        if (listing.Status == ListingStatuses.Published)
        {
            db.AddEvent(new ListingPublished(listing.ToSnapshot()), listing.Id.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        SetETag(http, listing);
        return TypedResults.Created($"/api/v1/listings/{listing.Id}", listing.AsDto(organisation?.Name, full: true));
    }

    internal static Listing NewListing(Guid organisationId, string status, DateTime now)
    {
        var id = Guid.CreateVersion7(now);
        return new Listing
        {
            Id = id,
            SearchKey = Listing.SearchKeyOf(id),
            OrganisationId = organisationId,
            Status = status,
            Kind = "",
            ResourceClass = "",
            Title = "",
            Description = "",
            Unit = "",
            Per = "",
            BaseUnit = "",
            Country = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static async Task<Results<Ok<ListingDto>, NotFound>> GetListing(
        Guid id, ClaimsPrincipal user, ListingsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        var viewer = Viewer.Of(user);
        if (listing is null || !viewer.CanSee(listing))
        {
            return TypedResults.NotFound();
        }

        SetETag(http, listing);
        return TypedResults.Ok(await ViewAsync(db, viewer, listing, cancellationToken));
    }

    public static async Task<Results<Ok<ListingDto>, ValidationProblem, NotFound, ProblemHttpResult>> PatchListing(
        Guid id, HttpContext http, ClaimsPrincipal user, ListingsDbContext db, EwcCatalog catalog, TimeProvider clock,
        IOptions<ListingsOptions> options, CancellationToken cancellationToken)
    {
        var (listing, refusal) = await LoadForWriteAsync(id, http, user, db, cancellationToken);
        if (listing is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }

        if (listing.Status == ListingStatuses.Closed)
        {
            return Conflict("A closed listing is read-only.");
        }

        var (body, bodyErrors) = await JsonBody.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.ValidationProblem(bodyErrors!);
        }

        var viewer = Viewer.Of(user);
        var input = ListingInput.From(listing);
        var errors = new Dictionary<string, string[]>();
        ListingJsonReader.Apply(body, input, patch: true, viewer.IsOperator, errors);
        if (input.EwcChanged && input.EwcCode is not null)
        {
            var parsed = EwcCatalog.Parse(input.EwcCode);
            input.EwcChanged = parsed.Kind != EwcCodeKind.Entry || EwcCatalog.Format(parsed.Digits) != listing.EwcCode || parsed.Starred;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var normalised = input.Validate(catalog, DateOnly.FromDateTime(now), creating: false, errors);
        if (normalised is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (input.ExternalRef is not null && input.ExternalRef != listing.ExternalRef
            && await db.Listings.AnyAsync(l => l.OrganisationId == (input.OrganisationId ?? listing.OrganisationId) && l.ExternalRef == input.ExternalRef && l.Id != id, cancellationToken))
        {
            return Conflict($"The organisation already has a listing with externalRef '{input.ExternalRef}'.");
        }

        var before = listing.ToSnapshot();
        var externalRefBefore = listing.ExternalRef;
        input.ApplyTo(listing, normalised);
        if (input.OrganisationId is { } moved && moved != listing.OrganisationId)
        {
            listing.OrganisationId = moved;
            listing.NaceCode = await db.Organisations.Where(o => o.Id == moved).Select(o => o.NaceCode).FirstOrDefaultAsync(cancellationToken);
        }

        if (listing.ToSnapshot() with { UpdatedAt = before.UpdatedAt } is var after && (!SameContent(before, after) || externalRefBefore != listing.ExternalRef))
        {
            Touch(listing, now);
            if (listing.Status == ListingStatuses.Published)
            {
                db.AddEvent(new ListingUpdated(listing.ToSnapshot()), listing.Id.ToString());
            }

            if (await SaveAsync(db, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }

        SetETag(http, listing);
        return TypedResults.Ok(await ViewAsync(db, viewer, listing, cancellationToken));
    }

    public static async Task<Results<Ok<ListingDto>, NotFound, ProblemHttpResult>> PublishListing(
        Guid id, HttpContext http, ClaimsPrincipal user, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (listing, refusal) = await LoadForWriteAsync(id, http, user, db, cancellationToken);
        if (listing is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (listing.Status)
        {
            case ListingStatuses.Published:
                break;
            case ListingStatuses.Closed:
                return Conflict("A closed listing cannot be published again; create a new one.");
            case ListingStatuses.Expired or ListingStatuses.Draft or ListingStatuses.Paused
                when listing.AvailableUntil is { } until && until < DateOnly.FromDateTime(now):
                return Conflict("availableUntil has passed; PATCH a later availableUntil first.");
            default:
                listing.Status = ListingStatuses.Published;
                Touch(listing, now);
                db.AddEvent(new ListingPublished(listing.ToSnapshot()), listing.Id.ToString());
                if (await SaveAsync(db, cancellationToken) is { } conflict)
                {
                    return conflict;
                }

                break;
        }

        SetETag(http, listing);
        return TypedResults.Ok(await ViewAsync(db, Viewer.Of(user), listing, cancellationToken));
    }

    public static async Task<Results<Ok<ListingDto>, NotFound, ProblemHttpResult>> PauseListing(
        Guid id, HttpContext http, ClaimsPrincipal user, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (listing, refusal) = await LoadForWriteAsync(id, http, user, db, cancellationToken);
        if (listing is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }

        if (listing.Status == ListingStatuses.Published)
        {
            listing.Status = ListingStatuses.Paused;
            Touch(listing, clock.GetUtcNow().UtcDateTime);
            db.AddEvent(new ListingPaused(listing.Id, listing.OrganisationId, listing.Version), listing.Id.ToString());
            if (await SaveAsync(db, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }
        else if (listing.Status != ListingStatuses.Paused)
        {
            return Conflict($"Only a published listing can be paused; this one is {listing.Status}.");
        }

        SetETag(http, listing);
        return TypedResults.Ok(await ViewAsync(db, Viewer.Of(user), listing, cancellationToken));
    }

    public static async Task<Results<Ok<ListingDto>, NotFound, ValidationProblem, ProblemHttpResult>> CloseListing(
        Guid id, CloseListingRequest request, HttpContext http, ClaimsPrincipal user, ListingsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Reason is not ("fulfilled" or "withdrawn"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["reason must be 'fulfilled' or 'withdrawn'."] });
        }

        var (listing, refusal) = await LoadForWriteAsync(id, http, user, db, cancellationToken);
        if (listing is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }

        if (listing.Status == ListingStatuses.Closed)
        {
            if (listing.ClosedReason != request.Reason)
            {
                return Conflict($"The listing is already closed ({listing.ClosedReason}).");
            }
        }
        else
        {
            listing.Status = ListingStatuses.Closed;
            listing.ClosedReason = request.Reason;
            Touch(listing, clock.GetUtcNow().UtcDateTime);
            db.AddEvent(new ListingClosed(listing.Id, listing.OrganisationId, listing.Version, request.Reason), listing.Id.ToString());
            if (await SaveAsync(db, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }

        SetETag(http, listing);
        return TypedResults.Ok(await ViewAsync(db, Viewer.Of(user), listing, cancellationToken));
    }

    /// <summary>Loads a listing the caller may change: 404 when it may not even see it, 403 when it only may see it, 412 when If-Match is stale.</summary>
    private static async Task<(Listing? Listing, ProblemHttpResult? Refusal)> LoadForWriteAsync(
        Guid id, HttpContext http, ClaimsPrincipal user, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        var viewer = Viewer.Of(user);
        if (listing is null || !viewer.CanSee(listing))
        {
            return (null, null);
        }

        if (!viewer.CanManage(listing))
        {
            return (null, Forbidden("Only the owning organisation or an operator may change this listing."));
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*"
            && !ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == ETag(listing) || t == "W/" + ETag(listing)))
        {
            SetETag(http, listing);
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale version",
                detail: $"If-Match {ifMatch} does not match the current version {ETag(listing)}; GET the listing and retry."));
        }

        return (listing, null);
    }

    private static async Task<ProblemHttpResult?> SaveAsync(ListingsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale version",
                detail: "The listing changed while this request was processed; GET it and retry.");
        }
    }

    internal static void Touch(Listing listing, DateTime now)
    {
        listing.Version++;
        listing.UpdatedAt = now;
    }

    private static bool SameContent(ListingSnapshot a, ListingSnapshot b) =>
        a with { Attributes = [] } == b with { Attributes = [] } && a.Attributes.SequenceEqual(b.Attributes);

    internal static async Task<ListingDto> ViewAsync(ListingsDbContext db, Viewer viewer, Listing listing, CancellationToken cancellationToken)
    {
        var revealed = !viewer.SeesInFull(listing, false) && viewer.OrganisationId is { } org
            && await db.ListingReveals.AnyAsync(r => r.ListingId == listing.Id && r.ViewerOrganisationId == org, cancellationToken);
        var full = viewer.SeesInFull(listing, revealed);
        var name = full ? await db.Organisations.Where(o => o.Id == listing.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) : null;
        return listing.AsDto(name, full);
    }

    internal static string ETag(Listing listing) => $"\"{listing.Version}\"";

    private static void SetETag(HttpContext http, Listing listing) => http.Response.Headers.ETag = ETag(listing);

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
