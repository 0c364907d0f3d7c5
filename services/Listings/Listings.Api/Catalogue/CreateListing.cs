using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Http;
using Marketplace.Listings.Organisations;
using Marketplace.Listings.Taxonomy;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Marketplace.Listings.Catalogue.ListingHttp;

namespace Marketplace.Listings.Catalogue;

/// <summary>POST /api/v1/listings: a new listing, published unless the body says <c>status: draft</c>.</summary>
public static class CreateListing
{
    public static async Task<Results<Created<ListingDto>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpContext http, ClaimsPrincipal user, ListingsDbContext db, EwcCatalog catalog, TimeProvider clock,
        IOptions<ListingsOptions> options, CancellationToken cancellationToken)
    {
        var (body, bodyErrors) = await JsonBody.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.ValidationProblem(bodyErrors!);
        }

        var input = new ListingInput();
        var errors = new Dictionary<string, string[]>();
        ListingJsonReader.Apply(body, input, patch: false, Viewer.Of(user).IsOperator, errors);
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
            return Problems.Conflict("Duplicate externalRef",
                $"The organisation already has a listing with externalRef '{input.ExternalRef}'; PATCH it instead.");
        }

        var onBehalf = user.IsOperator() && organisationId != user.OrganisationId();
        return await StoreAsync(http, db, input, normalised, organisationId.Value, onBehalf, now, cancellationToken);
    }

    private static async Task<Created<ListingDto>> StoreAsync(HttpContext http, ListingsDbContext db, ListingInput input,
        ListingInput.Normalised normalised, Guid organisationId, bool onBehalf, DateTime now, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        var listing = Listing.Create(organisationId, input.Status == ListingStatuses.Draft ? ListingStatuses.Draft : ListingStatuses.Published, now);
        listing.EnteredByOperator = onBehalf;
        listing.NaceCode = organisation?.NaceCode;
        input.ApplyTo(listing, normalised);
        db.Listings.Add(listing);
        if (listing.Status == ListingStatuses.Published)
        {
            db.AddEvent(new ListingPublished(listing.ToPublishedSnapshot()), listing.Id.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        if (organisation is null)
        {
            // Its OrganisationRegistered may have been consumed between the read above and this save: its backfill
            // ran before the listing existed, so the listing catches up here instead.
            organisation = (await NaceBackfill.CatchUpAsync(db, [organisationId], cancellationToken)).GetValueOrDefault(organisationId);
            listing.NaceCode ??= organisation?.NaceCode;
        }

        SetETag(http, listing);
        return TypedResults.Created($"/api/v1/listings/{listing.Id}", listing.AsDto(organisation?.Name, full: true));
    }
}
