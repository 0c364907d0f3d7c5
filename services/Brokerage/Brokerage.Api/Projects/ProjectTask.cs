namespace Marketplace.Brokerage.Projects;

/// <summary>A task (who owes what, by when) or a meeting (when, minutes attached) of the facilitator's project plan.</summary>
public sealed class ProjectTask
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    /// <summary><c>task</c> or <c>meeting</c>.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>The participant that owes it; null: the facilitator.</summary>
    public Guid? OwnerOrganisationId { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateTimeOffset? MeetingAt { get; set; }
    /// <summary><c>open</c> or <c>done</c>.</summary>
    public string Status { get; set; } = "open";
    public string? Minutes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
}

/// <summary>A subsidy or funding application the facilitator prepares for the participants.</summary>
public sealed class FundingApplication
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string Programme { get; set; }
    public decimal AmountRequested { get; set; }
    public required string Currency { get; set; }
    /// <summary><c>draft</c>, <c>submitted</c>, <c>granted</c> or <c>rejected</c>.</summary>
    public string Status { get; set; } = FundingStatuses.Draft;
    public decimal? AmountGranted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
}

public static class FundingStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Granted = "granted";
    public const string Rejected = "rejected";

    /// <summary>draft → submitted → granted | rejected; null when allowed, else why not.</summary>
    public static string? CanMove(string from, string to) => (from, to) switch
    {
        (Draft, Submitted) or (Submitted, Granted) or (Submitted, Rejected) => null,
        _ => $"A funding application moves draft → submitted → granted or rejected; it cannot go from {from} to {to}.",
    };
}

/// <summary>One line of the project's timeline. Texts never carry a participant's quantities.</summary>
public sealed class ProjectTimelineEntry
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
}

/// <summary>Brokerage's copy of a bundle suggestion (from Matching's BundleSuggested), so that a project can be created from it in one step.</summary>
public sealed class BundleSuggestion
{
    public Guid MatchId { get; set; }
    public required string Title { get; set; }
    public string? EwcCode { get; set; }
    public required string ResourceClass { get; set; }
    public double DistanceKm { get; set; }
    public required string MembersJson { get; set; }
    public DateTime SuggestedAt { get; set; }
}
