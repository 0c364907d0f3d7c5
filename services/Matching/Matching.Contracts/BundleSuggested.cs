namespace Marketplace.Matching.Contracts;

/// <summary>
/// A bundle suggestion with what a facilitator needs to turn it into a collaborative project: every pooled
/// listing with its organisation and the share of the need it covers. Internal to the platform (never a webhook):
/// the members may be anonymous to each other.
/// </summary>
public sealed record BundleSuggested(
    Guid MatchId,
    string Title,
    string? EwcCode,
    string ResourceClass,
    double DistanceKm,
    double Score,
    IReadOnlyList<BundleSuggestedMember> Members,
    DateTime SuggestedAt);

/// <summary>The first member is the listing the bundle was built for (share 1); the others cover <see cref="Share"/> of its yearly amount.</summary>
public sealed record BundleSuggestedMember(Guid ListingId, Guid OrganisationId, string Kind, decimal YearlyAmount, string BaseUnit, double Share);
