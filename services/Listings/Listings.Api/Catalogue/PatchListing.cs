using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Http;
using Marketplace.Listings.Taxonomy;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Marketplace.Listings.Catalogue.ListingHttp;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// PATCH /api/v1/listings/{id}: JSON merge patch over the stored listing, then the same rules as a create.
/// A patch that changes nothing keeps the version; status changes go through <see cref="ChangeListingStatus"/>.
/// </summary>
public static class PatchListing
{
    public static async Task<Results<Ok<ListingDto>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        Guid id, HttpContext http, ClaimsPrincipal user, ListingsDbContext db, EwcCatalog catalog, TimeProvider clock,
        IOptions<ListingsOptions> options, CancellationToken cancellationToken)
    {
        // The body's syntax first, as the shared body validation does for every other write: malformed JSON is a 400 wherever it is sent.
        var (body, bodyErrors) = await JsonBody.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.ValidationProblem(bodyErrors!);
        }

        var (listing, refusal) = await LoadForWriteAsync(id, http, user, db, cancellationToken);
        if (listing is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }

        if (listing.Status == ListingStatuses.Closed)
        {
            return Conflict("A closed listing is read-only.");
        }

        var viewer = Viewer.Of(user);
        var input = ListingInput.From(listing);
        var errors = new Dictionary<string, string[]>();
        ListingJsonReader.Apply(body, input, patch: true, viewer.IsOperator, errors);
        input.EwcChanged = ListingRules.WasteCodeChanged(input, listing.EwcCode);
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

        var onBehalf = viewer.IsOperator && viewer.OrganisationId != listing.OrganisationId;
        if (await ApplyAsync(db, listing, input, normalised, onBehalf, now, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        SetETag(http, listing);
        return TypedResults.Ok(await ViewAsync(db, viewer, listing, cancellationToken));
    }

    private static async Task<ProblemHttpResult?> ApplyAsync(ListingsDbContext db, Listing listing, ListingInput input,
        ListingInput.Normalised normalised, bool onBehalf, DateTime now, CancellationToken cancellationToken)
    {
        var before = listing.ToSnapshot();
        var externalRefBefore = listing.ExternalRef;
        input.ApplyTo(listing, normalised);
        if (input.OrganisationId is { } moved && moved != listing.OrganisationId)
        {
            listing.OrganisationId = moved;
            listing.NaceCode = await db.Organisations.Where(o => o.Id == moved).Select(o => o.NaceCode).FirstOrDefaultAsync(cancellationToken);
        }

        var after = listing.ToSnapshot() with { UpdatedAt = before.UpdatedAt };
        if (SameContent(before, after) && externalRefBefore == listing.ExternalRef)
        {
            return null;
        }

        listing.Touch(now);
        listing.OperatorChangedAt = onBehalf ? now : listing.OperatorChangedAt;
        if (listing.Status == ListingStatuses.Published)
        {
            db.AddEvent(new ListingUpdated(listing.ToPublishedSnapshot()), listing.Id.ToString());
        }

        return await SaveAsync(db, cancellationToken);
    }
}
