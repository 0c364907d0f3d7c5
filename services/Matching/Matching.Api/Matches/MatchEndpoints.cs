namespace Marketplace.Matching.Matches;

/// <summary>The route table of matches; each use case has its own file.</summary>
public static class MatchEndpoints
{
    public static IEndpointRouteBuilder MapMatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/listings/{id:guid}/matches", GetListingMatches.Handle).WithName(nameof(GetListingMatches))
            .WithSummary("Suggested matches of a listing")
            .WithDescription("Counterpart listings ranked by confidence, with the reasons in words (distance, material, quantity); `{ items, nextCursor, hidden }`, "
                + "`limit` 1-100 (default 10), the next page with `cursor`. The reciprocal list shows a suggestion when both sides are among each other's best; "
                + "`hidden` counts the other stored suggestions, and `view=all` lists every one by score. 404 until Matching has learnt of the listing.")
            .WithTags("Matches")
            .RequireScope(Scopes.MatchesRead);
        var group = app.MapGroup("/api/v1/matches").WithTags("Matches");
        group.MapGet("/", ListMatches.Handle).WithName(nameof(ListMatches))
            .WithSummary("List matches")
            .WithDescription("The caller's matches across its listings, newest first, filtered by status. `{ items, nextCursor }`.")
            .RequireScope(Scopes.MatchesRead);
        group.MapGet("/{id:guid}", GetMatch.Handle).WithName(nameof(GetMatch))
            .WithSummary("Get a match")
            .WithDescription("One match with both listings, its score and reasons, and each side's answer.")
            .RequireScope(Scopes.MatchesRead);
        group.MapPost("/{id:guid}/interest", ExpressInterest.Handle).WithName(nameof(ExpressInterest))
            .WithSummary("Express interest in a match")
            .WithDescription("Records the caller's side as interested. When both sides are interested the match is accepted and becomes a deal. An operator who is neither party speaks for both sides.")
            .RequireScope(Scopes.MatchesWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/decline", DeclineMatch.Handle).WithName(nameof(DeclineMatch))
            .WithSummary("Decline a match")
            .WithDescription("Declines the match for the caller's side, with an optional reason; it is no longer suggested.")
            .RequireScope(Scopes.MatchesWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/nudge", NudgeMatch.Handle).WithName(nameof(NudgeMatch))
            .WithSummary("Nudge both sides of a match (operator)")
            .WithDescription("Reminds both parties' people of an open suggestion, with an optional note from the facilitator (`{ note }`, up to 500 characters). A decided match is 409.")
            .RequireScope(Scopes.MatchesWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/archive", ArchiveMatch.Handle).WithName(nameof(ArchiveMatch))
            .WithSummary("Archive a match (operator)")
            .WithDescription("Takes an open suggestion out of the pipeline and both inboxes (status `withdrawn`, `{ reason }` optional) without speaking for either side or teaching the ranking. An accepted match is 409.")
            .RequireScope(Scopes.MatchesWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/v1/pipeline", GetPipeline.Handle).WithName(nameof(GetPipeline))
            .WithSummary("The operator's pipeline")
            .WithDescription("Matches by stage (`open`, `suggested`, `interested`, `accepted`), least recently touched first, with both sides; "
                + "filters `organisationId`, `resourceClass`, `sector` (NACE division), `country`, `stalledOnly`; `stalledDays` (default 14); `{ items, nextCursor, stalledDays }`.")
            .WithTags("Matches")
            .RequireScope(Scopes.MatchesRead).RequireOperatorRole();
        return app;
    }
}
