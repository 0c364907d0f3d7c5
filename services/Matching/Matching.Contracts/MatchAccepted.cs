namespace Marketplace.Matching.Contracts;

/// <summary>Both sides said interested. For a bundle, <see cref="Members"/> lists every pooled listing.</summary>
public sealed record MatchAccepted(
    Guid MatchId,
    string Kind,
    MatchParty Offer,
    MatchParty Want,
    IReadOnlyList<MatchParty> Members,
    double Score,
    double? DistanceKm,
    DateTime AcceptedAt);

public sealed record MatchParty(Guid ListingId, Guid OrganisationId, string Title, string? EwcCode, string ResourceClass, decimal? YearlyAmount, string? BaseUnit, decimal? Share);
