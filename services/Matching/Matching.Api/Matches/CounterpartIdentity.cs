using System.Security.Claims;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Matching.Matches;

/// <summary>A bundle member as a party sees it: <c>organisationId</c> is <c>null</c> for another organisation until the match is accepted.</summary>
public sealed record BundleMemberDto(Guid ListingId, Guid? OrganisationId, string Kind, decimal YearlyAmount, string BaseUnit, double Share);

/// <summary>
/// No counterpart identity before acceptance: a listing may be anonymous, and its owner's id is what unmasks it
/// (the listings of that organisation, its name). Parties see their own organisation; the operator sees all.
/// </summary>
public static class CounterpartIdentity
{
    /// <summary>Who is looking: <c>null</c> for the operator, who sees every organisation.</summary>
    public static Guid? Viewer(ClaimsPrincipal user) => user.IsOperator() ? null : user.OrganisationId() ?? Guid.Empty;

    public static Guid? Shown(Guid organisationId, Guid? viewer, string matchStatus) =>
        viewer is null || viewer == organisationId || matchStatus == MatchStatuses.Accepted ? organisationId : null;

    public static IReadOnlyList<BundleMemberDto>? Members(IReadOnlyList<BundleMember>? members, Guid? viewer, string matchStatus) =>
        members?.Select(m => new BundleMemberDto(m.ListingId, Shown(m.OrganisationId, viewer, matchStatus), m.Kind, m.YearlyAmount, m.BaseUnit, m.Share)).ToList();
}
