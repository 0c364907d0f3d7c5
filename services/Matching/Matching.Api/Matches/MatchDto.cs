using System.Text.Json;

namespace Marketplace.Matching.Matches;

public sealed record TransportCostDto(double EurPerYear, double Co2eKgPerYear, double EurPerTonne, string? Mode);

public sealed record MatchDto(
    Guid Id, string Kind, Guid OfferListingId, Guid WantListingId, double Score, IReadOnlyList<MatchReason> Reasons,
    double? DistanceKm, TransportCostDto? TransportCostEstimate, IReadOnlyList<BundleMemberDto>? Members,
    string Status, string OfferInterest, string WantInterest, string? DeclineReason, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Hand-written mapping of a match row (its reasons, members and transport estimate stored as JSON) to the API's records.</summary>
internal static class MatchMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static MatchDto AsDto(this Match m, ClaimsPrincipal user) => new(
        m.Id, m.Kind, m.OfferListingId, m.WantListingId, m.Score, Reasons(m), m.DistanceKm, Transport(m),
        CounterpartIdentity.Members(Members(m), CounterpartIdentity.Viewer(user), m.Status), m.Status,
        m.OfferInterest, m.WantInterest, m.DeclineReason, m.CreatedAt, m.UpdatedAt);

    public static List<MatchReason> Reasons(Match m) => JsonSerializer.Deserialize<List<MatchReason>>(m.ReasonsJson, Json) ?? [];

    public static List<BundleMember>? Members(Match m) => m.MembersJson is null ? null : JsonSerializer.Deserialize<List<BundleMember>>(m.MembersJson, Json);

    public static TransportCostDto? Transport(Match m) => m.TransportEurPerYear is { } perYear
        ? new TransportCostDto(perYear, m.TransportCo2eKgPerYear ?? 0, m.TransportEurPerUnit ?? 0, m.TransportMode)
        : null;
}
