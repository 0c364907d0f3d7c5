using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Deals;

/// <summary>An accepted match becomes a deal between its parties, prefilled from the listings.</summary>
public sealed class Deal : IPartyRecord
{
    public Guid Id { get; set; }
    public Guid MatchId { get; set; }
    public required string Kind { get; set; }
    /// <summary><c>open</c> (terms under negotiation) or <c>agreed</c> (terms accepted, a contract exists).</summary>
    public string Status { get; set; } = DealStatuses.Open;
    public required string ResourceTitle { get; set; }
    public string? EwcCode { get; set; }
    public string? ResourceClass { get; set; }
    public decimal? YearlyAmount { get; set; }
    public string? BaseUnit { get; set; }
    public double? DistanceKm { get; set; }
    public DateTime OpenedAt { get; set; }
    public List<DealParty> Parties { get; set; } = [];

    public bool IsParty(Guid organisationId) => Parties.Any(p => p.OrganisationId == organisationId);

    /// <summary>The side an organisation is on, or null when it is not a party.</summary>
    public string? RoleOf(Guid organisationId) => Parties.FirstOrDefault(p => p.OrganisationId == organisationId)?.Role;

    /// <summary>The lead supplier: the one with the largest share in a bundle, else the only one.</summary>
    public DealParty Supplier => Parties.Where(p => p.Role == PartyRoles.Supplier).OrderByDescending(p => p.Share ?? 1m).First();

    public DealParty Receiver => Parties.First(p => p.Role == PartyRoles.Receiver);
}

public sealed class DealParty
{
    public Guid DealId { get; set; }
    public Guid ListingId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary><c>supplier</c> or <c>receiver</c>.</summary>
    public required string Role { get; set; }
    public decimal? Share { get; set; }
}

public static class DealStatuses
{
    public const string Open = "open";
    public const string Agreed = "agreed";
}

public static class PartyRoles
{
    public const string Supplier = "supplier";
    public const string Receiver = "receiver";
    public const string Operator = "operator";
}
