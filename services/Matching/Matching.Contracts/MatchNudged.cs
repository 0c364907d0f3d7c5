namespace Marketplace.Matching.Contracts;

/// <summary>
/// The facilitator reminded both sides of an open suggestion (the operator console's "nudge"): each party's people are
/// told, with the facilitator's optional note. The sides are still anonymous to each other, so no name travels.
/// </summary>
public sealed record MatchNudged(Guid MatchId, IReadOnlyList<Guid> OrganisationIds, string? Note, DateTimeOffset At);
