using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Matches;

public sealed record TransportCostDto(double EurPerYear, double Co2eKgPerYear, double EurPerTonne, string? Mode);

public sealed record MatchItemDto(
    Guid MatchId, Guid ListingId, string Kind, double Score, IReadOnlyList<MatchReason> Reasons,
    double? DistanceKm, TransportCostDto? TransportCostEstimate, string Status, IReadOnlyList<BundleMemberDto>? Members,
    string Interest, string CounterpartInterest);

public sealed record MatchListDto(IReadOnlyList<MatchItemDto> Items, string? NextCursor);

public sealed record MatchPageDto(IReadOnlyList<MatchDto> Items, string? NextCursor);

public sealed record MatchDto(
    Guid Id, string Kind, Guid OfferListingId, Guid WantListingId, double Score, IReadOnlyList<MatchReason> Reasons,
    double? DistanceKm, TransportCostDto? TransportCostEstimate, IReadOnlyList<BundleMemberDto>? Members,
    string Status, string OfferInterest, string WantInterest, string? DeclineReason, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record DeclineRequest([property: StringLength(500)] string? Reason);

public static class MatchEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapMatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/listings/{id:guid}/matches", GetListingMatches).WithName(nameof(GetListingMatches))
            .WithSummary("Suggested matches of a listing")
            .WithDescription("Counterpart listings ranked by score, with the reasons in words (distance, material, quantity); `{ items, nextCursor }`, "
                + "`limit` 1-100 (default 10), the next page with `cursor`. 404 until Matching has learnt of the listing.")
            .WithTags("Matches")
            .RequireScope(Scopes.MatchesRead);
        var group = app.MapGroup("/api/v1/matches").WithTags("Matches");
        group.MapGet("/", ListMatches).WithName(nameof(ListMatches))
            .WithSummary("List matches")
            .WithDescription("The caller's matches across its listings, newest first, filtered by status. `{ items, nextCursor }`.")
            .RequireScope(Scopes.MatchesRead);
        group.MapGet("/{id:guid}", GetMatch).WithName(nameof(GetMatch))
            .WithSummary("Get a match")
            .WithDescription("One match with both listings, its score and reasons, and each side's answer.")
            .RequireScope(Scopes.MatchesRead);
        group.MapPost("/{id:guid}/interest", ExpressInterest).WithName(nameof(ExpressInterest))
            .WithSummary("Express interest in a match")
            .WithDescription("Records the caller's side as interested. When both sides are interested the match is accepted and becomes a deal. An operator who is neither party speaks for both sides.")
            .RequireScope(Scopes.MatchesWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/decline", DeclineMatch).WithName(nameof(DeclineMatch))
            .WithSummary("Decline a match")
            .WithDescription("Declines the match for the caller's side, with an optional reason; it is no longer suggested.")
            .RequireScope(Scopes.MatchesWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>
    /// A listing's suggestions, best first (ties by id), one page at a time. A listing has a bounded number of live
    /// matches (SuggestionsPerListing plus those already in play), so the page is cut from the ranked list read whole.
    /// </summary>
    public static async Task<Results<Ok<MatchListDto>, NotFound, ValidationProblem>> GetListingMatches(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var page, defaultLimit: 10, max: 100) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || (!user.IsOperator() && user.OrganisationId() != listing.OrganisationId))
        {
            return TypedResults.NotFound();
        }

        var matches = await db.Matches.AsNoTracking().Involving(db, id).ToListAsync(cancellationToken);
        var ranked = matches.Where(m => m.Status is not (MatchStatuses.Withdrawn or MatchStatuses.Declined)).OrderByDescending(m => m.Score).ThenBy(m => m.Id).ToList();
        var slice = Paging.Slice(ranked, m => m.Id, page);
        var viewer = CounterpartIdentity.Viewer(user);
        var items = slice.Items.Select(m => new MatchItemDto(
            m.Id, m.OfferListingId == id ? m.WantListingId : m.OfferListingId, m.Kind, m.Score, Reasons(m),
            m.DistanceKm, Transport(m), m.Status, CounterpartIdentity.Members(Members(m), viewer, m.Status),
            listing.Kind == ListingKinds.Want ? m.WantInterest : m.OfferInterest, listing.Kind == ListingKinds.Want ? m.OfferInterest : m.WantInterest)).ToList();
        return TypedResults.Ok(new MatchListDto(items, slice.NextCursor));
    }

    /// <summary>The operators' pipeline: matches by status, oldest first, with an opaque cursor.</summary>
    public static async Task<Results<Ok<MatchPageDto>, ForbidHttpResult, ValidationProblem>> ListMatches(
        ClaimsPrincipal user, MatchingDbContext db, string? status, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!user.IsOperator())
        {
            return TypedResults.Forbid();
        }

        if (status is not null && status is not (MatchStatuses.Suggested or MatchStatuses.Interested or MatchStatuses.Accepted or MatchStatuses.Declined or MatchStatuses.Withdrawn))
        {
            return Problems.Invalid("status", "status must be one of: suggested, interested, accepted, declined, withdrawn.");
        }

        long after = 0;
        if (cursor is not null && !long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after))
        {
            return Problems.Invalid("cursor", "cursor must be a value returned as nextCursor.");
        }

        var take = Math.Clamp(limit ?? 50, 1, 200);
        var query = db.Matches.AsNoTracking().Where(m => m.Sequence > after);
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }

        var page = await query.OrderBy(m => m.Sequence).Take(take + 1).ToListAsync(cancellationToken);
        var next = page.Count > take ? page[take - 1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new MatchPageDto([.. page.Take(take).Select(m => m.AsDto(user))], next));
    }

    public static async Task<Results<Ok<MatchDto>, NotFound>> GetMatch(Guid id, ClaimsPrincipal user, MatchingDbContext db, CancellationToken cancellationToken)
    {
        var match = await FindVisibleAsync(db, id, user, cancellationToken);
        return match is null ? TypedResults.NotFound() : TypedResults.Ok(match.AsDto(user));
    }

    /// <summary>The caller's side says interested; when both sides have, the match is accepted and Brokerage is told.</summary>
    public static Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> ExpressInterest(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(db, () => ExpressInterestOnceAsync(id, user, db, clock, cancellationToken));

    private static async Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> ExpressInterestOnceAsync(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var match = await FindVisibleAsync(db, id, user, cancellationToken, track: true);
        if (match is null)
        {
            return TypedResults.NotFound();
        }

        if (match.Status is MatchStatuses.Declined or MatchStatuses.Withdrawn)
        {
            return Problems.Conflict("Match is closed", $"The match is {match.Status} and can no longer be accepted.");
        }

        if (match.Status == MatchStatuses.Accepted)
        {
            return TypedResults.Ok(match.AsDto(user));
        }

        var org = user.OrganisationId();
        var operatorActs = user.IsOperator() && !match.IsParty(org ?? Guid.Empty);
        if (org == match.OfferOrganisationId || operatorActs)
        {
            match.OfferInterest = MatchStatuses.Interested;
        }

        if (org == match.WantOrganisationId || operatorActs)
        {
            match.WantInterest = MatchStatuses.Interested;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        match.UpdatedAt = now;
        match.Version++;
        if (match.OfferInterest == MatchStatuses.Interested && match.WantInterest == MatchStatuses.Interested)
        {
            match.Status = MatchStatuses.Accepted;
            var offer = await SnapshotAsync(db, match.OfferListingId, cancellationToken);
            var want = await SnapshotAsync(db, match.WantListingId, cancellationToken);
            var members = new List<MatchParty>();
            foreach (var m in Members(match) ?? [])
            {
                members.Add(Party(m.ListingId, m.OrganisationId, await SnapshotAsync(db, m.ListingId, cancellationToken)) with { Share = (decimal)m.Share });
            }

            db.AddEvent(new MatchAccepted(match.Id, match.Kind, Party(match.OfferListingId, match.OfferOrganisationId, offer),
                Party(match.WantListingId, match.WantOrganisationId, want), members, match.Score, match.DistanceKm, now), match.Id.ToString());
            await Learning.LearnAsync(db, match, accepted: true, now, cancellationToken);
        }
        else
        {
            match.Status = MatchStatuses.Interested;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(match.AsDto(user));
    }

    public static Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> DeclineMatch(
        Guid id, DeclineRequest? request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(db, () => DeclineOnceAsync(id, request, user, db, clock, cancellationToken));

    private static async Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> DeclineOnceAsync(
        Guid id, DeclineRequest? request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var match = await FindVisibleAsync(db, id, user, cancellationToken, track: true);
        if (match is null)
        {
            return TypedResults.NotFound();
        }

        if (match.Status == MatchStatuses.Accepted)
        {
            return Problems.Conflict("Match already accepted", "An accepted match continues as a deal in Brokerage.");
        }

        if (match.Status != MatchStatuses.Declined)
        {
            var org = user.OrganisationId() ?? Guid.Empty;
            match.Status = MatchStatuses.Declined;
            if (org == match.OfferOrganisationId)
            {
                match.OfferInterest = MatchStatuses.Declined;
            }
            else if (org == match.WantOrganisationId)
            {
                match.WantInterest = MatchStatuses.Declined;
            }

            match.DeclineReason = request?.Reason;
            match.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            match.Version++;
            db.AddEvent(new MatchDeclined(match.Id, org, request?.Reason), match.Id.ToString());
            await Learning.LearnAsync(db, match, accepted: false, match.UpdatedAt, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(match.AsDto(user));
    }

    /// <summary>
    /// A party's decision is applied to the match as it is now. Matching re-scores a match when one of its listings or
    /// organisations changes (a consumer writing the same row at the same moment); the decision is then read and
    /// applied again on the fresh row, so the caller never sees the collision. Only repeated collisions answer 409.
    /// </summary>
    private static async Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>> RetryOnConflictAsync(
        MatchingDbContext db, Func<Task<Results<Ok<MatchDto>, NotFound, ProblemHttpResult>>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (tries < 5)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * tries));
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.Conflict("Match changed",
                    "The match kept changing while your decision was saved; read it again and retry.");
            }
        }
    }

    private static async Task<Match?> FindVisibleAsync(MatchingDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Matches : db.Matches.AsNoTracking();
        var match = await query.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return match is not null && (user.IsOperator() || match.IsParty(user.OrganisationId() ?? Guid.Empty)) ? match : null;
    }

    private static async Task<ListingSnapshot?> SnapshotAsync(MatchingDbContext db, Guid listingId, CancellationToken cancellationToken)
    {
        var json = await db.Listings.Where(l => l.Id == listingId).Select(l => l.SnapshotJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ListingSnapshot>(json, Json);
    }

    private static MatchParty Party(Guid listingId, Guid organisationId, ListingSnapshot? s) =>
        new(listingId, organisationId, s?.Title ?? "", s?.EwcCode, s?.ResourceClass ?? "", s?.Quantity.YearlyAmount, s?.Quantity.BaseUnit, null);

    private static List<MatchReason> Reasons(Match m) => JsonSerializer.Deserialize<List<MatchReason>>(m.ReasonsJson, Json) ?? [];

    private static List<BundleMember>? Members(Match m) => m.MembersJson is null ? null : JsonSerializer.Deserialize<List<BundleMember>>(m.MembersJson, Json);

    private static TransportCostDto? Transport(Match m) => m.TransportEurPerYear is { } perYear
        ? new TransportCostDto(perYear, m.TransportCo2eKgPerYear ?? 0, m.TransportEurPerUnit ?? 0, m.TransportMode)
        : null;

    internal static MatchDto AsDto(this Match m, ClaimsPrincipal user) => new(
        m.Id, m.Kind, m.OfferListingId, m.WantListingId, m.Score, Reasons(m), m.DistanceKm, Transport(m),
        CounterpartIdentity.Members(Members(m), CounterpartIdentity.Viewer(user), m.Status), m.Status,
        m.OfferInterest, m.WantInterest, m.DeclineReason, m.CreatedAt, m.UpdatedAt);
}

