namespace Marketplace.Identity.Webhooks;

/// <summary>An organisation's HTTPS endpoint and the event types it wants. The signing secret is kept encrypted (it must be read to sign).</summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Url { get; set; }
    /// <summary>Space-separated event types, e.g. <c>match.suggested invoice.issued</c>.</summary>
    public required string EventTypes { get; set; }
    public required string ProtectedSecret { get; set; }
    public bool Enabled { get; set; } = true;
    public string? DisabledReason { get; set; }
    public DateTime? DisabledAt { get; set; }
    /// <summary>Attempts that failed in a row, across deliveries: shown to the owner; it does not disable the endpoint.</summary>
    public int ConsecutiveFailures { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool Wants(string eventType) => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(eventType);
}

/// <summary>One event for one endpoint: retried with exponential backoff until it succeeds or is 24 hours old.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid EndpointId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    /// <summary><c>pending</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? CompletedAt { get; set; }
    public List<WebhookAttempt> AttemptLog { get; set; } = [];
}

public sealed class WebhookAttempt
{
    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public DateTime AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}

public static class WebhookEventTypes
{
    public const string MatchSuggested = "match.suggested";
    public const string MatchAccepted = "match.accepted";
    public const string DealOpened = "deal.opened";
    public const string ContractSigned = "contract.signed";
    public const string DeliveryRecorded = "delivery.recorded";
    public const string InvoiceIssued = "invoice.issued";
    public const string ProjectStageChanged = "project.stage_changed";
    public const string ProjectCommitmentSigned = "project.commitment_signed";
    /// <summary>Sent on request to one endpoint whatever it subscribed to: proves it is reachable and checks its signature code.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> All =
        [MatchSuggested, MatchAccepted, DealOpened, ContractSigned, DeliveryRecorded, InvoiceIssued, ProjectStageChanged, ProjectCommitmentSigned];
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
