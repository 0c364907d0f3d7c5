namespace Marketplace.Brokerage.Deals;

/// <summary>An accepted match becomes a deal between its parties, prefilled from the listings.</summary>
public sealed class Deal
{
    public Guid Id { get; set; }
    public Guid MatchId { get; set; }
    public required string Kind { get; set; }
    public string Status { get; set; } = "open";
    public required string ResourceTitle { get; set; }
    public string? EwcCode { get; set; }
    public decimal? YearlyAmount { get; set; }
    public string? BaseUnit { get; set; }
    public double? DistanceKm { get; set; }
    public DateTime OpenedAt { get; set; }
    public List<DealParty> Parties { get; set; } = [];
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
