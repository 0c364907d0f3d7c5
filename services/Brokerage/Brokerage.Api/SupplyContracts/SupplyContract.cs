using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>Accepted terms, bound to the parties: what was agreed, and the record deliveries and fees refer to.</summary>
public sealed class SupplyContract : IPartyRecord
{
    public Guid Id { get; set; }
    public Guid DealId { get; set; }
    public Guid TermsId { get; set; }
    public int TermsVersion { get; set; }
    public string Status { get; set; } = ContractStatuses.Draft;
    public Guid SupplierOrganisationId { get; set; }
    public Guid ReceiverOrganisationId { get; set; }
    public required string ResourceTitle { get; set; }
    public string? EwcCode { get; set; }
    public string? ResourceClass { get; set; }
    public double? DistanceKm { get; set; }
    public decimal QuantityAmount { get; set; }
    public required string QuantityUnit { get; set; }
    public required string QuantityPeriod { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public decimal PricePerUnit { get; set; }
    public required string Currency { get; set; }
    public required string DeliveryTerms { get; set; }
    public string? FeePlanCode { get; set; }
    /// <summary>The fee plan version in force when the contract was drawn up (fees use the version in force at each event).</summary>
    public Guid? FeePlanId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SupplierSignedAt { get; set; }
    public DateTime? ReceiverSignedAt { get; set; }
    public DateTime? ActivatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? TerminationReason { get; set; }
    public Guid? TerminatedByOrganisationId { get; set; }
    /// <summary>Optimistic concurrency: two simultaneous signatures cannot both read "draft".</summary>
    public int Revision { get; set; }

    public bool IsParty(Guid organisationId) => SupplierOrganisationId == organisationId || ReceiverOrganisationId == organisationId;
}

public static class ContractStatuses
{
    public const string Draft = "draft";
    public const string SignedBySupplier = "signed_by_supplier";
    public const string SignedByReceiver = "signed_by_receiver";
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Terminated = "terminated";
    public const string Expired = "expired";

    public static bool IsFinal(string status) => status is Completed or Terminated or Expired;
}
