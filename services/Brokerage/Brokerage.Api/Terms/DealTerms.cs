namespace Marketplace.Brokerage.Terms;

/// <summary>One proposal of terms for a deal. Proposals are append-only: a counter is a new version.</summary>
public sealed class DealTerms
{
    public Guid Id { get; set; }
    public Guid DealId { get; set; }
    public int Version { get; set; }
    /// <summary><c>proposed</c>, <c>superseded</c> (a later version was proposed) or <c>accepted</c>.</summary>
    public string Status { get; set; } = TermsStatuses.Proposed;
    public Guid ProposedByOrganisationId { get; set; }
    /// <summary>The side that proposed: <c>supplier</c>, <c>receiver</c> or <c>operator</c>.</summary>
    public required string ProposedBy { get; set; }
    public decimal QuantityAmount { get; set; }
    public required string QuantityUnit { get; set; }
    /// <summary><c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c>, <c>year</c> or <c>once</c>.</summary>
    public required string QuantityPeriod { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Price per unit; negative is a gate fee the supplier pays the receiver.</summary>
    public decimal PricePerUnit { get; set; }
    public required string Currency { get; set; }
    /// <summary><c>collected</c> (the receiver fetches) or <c>delivered</c> (the supplier brings).</summary>
    public required string DeliveryTerms { get; set; }
    public string? FeePlanCode { get; set; }
    public string? Note { get; set; }
    public DateTime ProposedAt { get; set; }
    public Guid? AcceptedByOrganisationId { get; set; }
    public DateTime? AcceptedAt { get; set; }
}

public static class TermsStatuses
{
    public const string Proposed = "proposed";
    public const string Superseded = "superseded";
    public const string Accepted = "accepted";
}
