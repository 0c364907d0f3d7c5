namespace Marketplace.Matching.Matches;

/// <summary>One side of a pipeline item, as the operator sees it: the listing and the organisation behind it.</summary>
public sealed record PipelineSideDto(
    Guid ListingId, string Title, Guid OrganisationId, string OrganisationName, string? NaceCode, string ResourceClass, string Country,
    decimal? YearlyAmount, string? BaseUnit);

/// <summary>
/// A match in the operator's pipeline: where it stands (<c>waiting</c>: which side still owes an answer), how long nothing
/// happened (<c>idleDays</c>), whether it has <c>stalled</c>, the reason it was suggested (<c>evidence</c>), and the last nudge.
/// </summary>
public sealed record PipelineItemDto(
    Guid MatchId, string Kind, string Status, string OfferInterest, string WantInterest, string Waiting, double Score, string? Evidence,
    PipelineSideDto Offer, PipelineSideDto Want, int Members, int IdleDays, bool Stalled,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? NudgedAt);

public sealed record PipelinePageDto(IReadOnlyList<PipelineItemDto> Items, string? NextCursor, int StalledDays);
