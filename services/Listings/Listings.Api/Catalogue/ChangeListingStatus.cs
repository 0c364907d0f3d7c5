using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using static Marketplace.Listings.Catalogue.ListingHttp;

namespace Marketplace.Listings.Catalogue;

public sealed record CloseListingRequest(string? Reason);

/// <summary>
/// POST /api/v1/listings/{id}/publish, /pause and /close. Repeating a transition that already happened is a
/// no-op (same version); a transition the current status does not allow is a 409 that says why.
/// </summary>
public static class ChangeListingStatus
{
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
                listing.Touch(now);
                db.AddEvent(new ListingPublished(listing.ToPublishedSnapshot()), listing.Id.ToString());
                if (await SaveAsync(db, cancellationToken) is { } conflict)
                {
                    return conflict;
                }

                break;
        }

        return await RespondAsync(http, user, db, listing, cancellationToken);
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
            listing.Touch(clock.GetUtcNow().UtcDateTime);
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

        return await RespondAsync(http, user, db, listing, cancellationToken);
    }

    public static async Task<Results<Ok<ListingDto>, NotFound, ValidationProblem, ProblemHttpResult>> CloseListing(
        Guid id, CloseListingRequest request, HttpContext http, ClaimsPrincipal user, ListingsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Reason is not ("fulfilled" or "withdrawn"))
        {
            return Problems.Invalid("reason", "reason must be 'fulfilled' or 'withdrawn'.");
        }

        var (listing, refusal) = await LoadForWriteAsync(id, http, user, db, cancellationToken);
        if (listing is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }

        if (listing.Status == ListingStatuses.Closed)
        {
            return listing.ClosedReason == request.Reason
                ? await RespondAsync(http, user, db, listing, cancellationToken)
                : Conflict($"The listing is already closed ({listing.ClosedReason}).");
        }

        listing.Status = ListingStatuses.Closed;
        listing.ClosedReason = request.Reason;
        listing.Touch(clock.GetUtcNow().UtcDateTime);
        db.AddEvent(new ListingClosed(listing.Id, listing.OrganisationId, listing.Version, request.Reason), listing.Id.ToString());
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return await RespondAsync(http, user, db, listing, cancellationToken);
    }

    private static async Task<Ok<ListingDto>> RespondAsync(
        HttpContext http, ClaimsPrincipal user, ListingsDbContext db, Listing listing, CancellationToken cancellationToken)
    {
        SetETag(http, listing);
        return TypedResults.Ok(await ViewAsync(db, Viewer.Of(user), listing, cancellationToken));
    }
}
