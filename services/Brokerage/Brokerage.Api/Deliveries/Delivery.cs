namespace Marketplace.Brokerage.Deliveries;

/// <summary>A delivery entry against a contract. Entries are never edited: a correction reverses one.</summary>
public sealed class Delivery
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Negative on a reversing entry.</summary>
    public decimal Quantity { get; set; }
    public required string Unit { get; set; }
    public string? DocumentRef { get; set; }
    /// <summary><c>recorded</c>, <c>confirmed</c> or <c>disputed</c>.</summary>
    public string Status { get; set; } = DeliveryStatuses.Recorded;
    public Guid RecordedByOrganisationId { get; set; }
    /// <summary><c>supplier</c>, <c>receiver</c> or <c>operator</c>.</summary>
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid? ReviewedByOrganisationId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? DisputeReason { get; set; }
    public Guid? ReversesDeliveryId { get; set; }
    public string? CorrectionReason { get; set; }
    /// <summary>A client's retry key (<c>Idempotency-Key</c>): the same key on the same contract records once.</summary>
    public string? IdempotencyKey { get; set; }
}

public static class DeliveryStatuses
{
    public const string Recorded = "recorded";
    public const string Confirmed = "confirmed";
    public const string Disputed = "disputed";
}
