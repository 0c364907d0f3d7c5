namespace Marketplace.Identity.Notifications;

/// <summary>
/// Something a person should know about, in the portal's list and (as they chose) by e-mail. One row per member of
/// each organisation concerned, keyed so that the same fact never notifies the same person twice (a re-scored
/// suggestion is not a new one).
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>One of <see cref="NotificationKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The match, deal or contract it is about.</summary>
    public Guid SubjectId { get; set; }
    /// <summary>What makes this fact one (kind, subject and version or state): unique per user.</summary>
    public required string Key { get; set; }
    /// <summary>The portal page that shows it, a path such as <c>/deals/{id}</c>.</summary>
    public required string Link { get; set; }
    /// <summary>A short detail in no language: a score, a terms version, a quantity with its unit.</summary>
    public string? Detail { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary><c>pending</c> until the person's e-mail choice has been applied, then <c>sent</c> or <c>skipped</c>.</summary>
    public string EmailState { get; set; } = NotificationEmailStates.Pending;
    public DateTime? EmailedAt { get; set; }
}

/// <summary>A person's e-mail choice; no row means the default (<see cref="NotificationEmail.Daily"/>).</summary>
public sealed class NotificationSettings
{
    public Guid UserId { get; set; }
    public string Email { get; set; } = NotificationEmail.Daily;
    public DateTime? LastDigestAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class NotificationKinds
{
    public const string MatchSuggested = "match.suggested";
    public const string MatchInterest = "match.interest";
    public const string MatchAccepted = "match.accepted";
    public const string DealOpened = "deal.opened";
    public const string TermsProposed = "terms.proposed";
    public const string ContractSigned = "contract.signed";
    public const string DeliveryToConfirm = "delivery.to-confirm";
    public const string DeliveryConfirmed = "delivery.confirmed";
    public const string DeliveryDisputed = "delivery.disputed";
    public const string InvoiceIssued = "invoice.issued";
    public const string MatchMessage = "match.message";
    public const string DealMessage = "deal.message";
    public const string MatchNudge = "match.nudge";

    public static readonly IReadOnlyList<string> All =
        [MatchSuggested, MatchInterest, MatchAccepted, DealOpened, TermsProposed, ContractSigned, DeliveryToConfirm, DeliveryConfirmed, DeliveryDisputed, InvoiceIssued, MatchMessage, DealMessage, MatchNudge];
}

public static class NotificationEmail
{
    public const string Off = "off";
    public const string Immediate = "immediate";
    public const string Daily = "daily";

    public static readonly IReadOnlyList<string> All = [Off, Immediate, Daily];
}

public static class NotificationEmailStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
}
