namespace Marketplace.Portal.Api;

/// <summary>One side of a pipeline item (<c>GET /api/v1/pipeline</c>).</summary>
public sealed record PipelineSide(
    Guid ListingId, string Title, Guid OrganisationId, string OrganisationName, string? NaceCode, string ResourceClass, string Country,
    decimal? YearlyAmount, string? BaseUnit);

/// <summary>A match in the operator's pipeline: its stage, who still owes an answer, how long it waited, the last nudge.</summary>
public sealed record PipelineItem(
    Guid MatchId, string Kind, string Status, string OfferInterest, string WantInterest, string Waiting, double Score, string? Evidence,
    PipelineSide Offer, PipelineSide Want, int Members, int IdleDays, bool Stalled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? NudgedAt);

public sealed record PipelinePage(IReadOnlyList<PipelineItem> Items, string? NextCursor, int StalledDays);
