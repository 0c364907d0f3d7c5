namespace Marketplace.Brokerage.Projects;

/// <summary>
/// One version of a participant's commitment: a letter of intent, then a supply agreement. Versions are
/// append-only, numbered per participant: a new proposal supersedes the participant's open one.
/// </summary>
public sealed class ProjectCommitment
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Version { get; set; }
    /// <summary>See <see cref="CommitmentKinds"/>.</summary>
    public required string Kind { get; set; }
    public string Status { get; set; } = CommitmentStatuses.Proposed;
    public decimal QuantityPerYear { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Price per unit paid to the supplier; negative is a gate fee the supplier pays.</summary>
    public decimal? PricePerUnit { get; set; }
    public required string Currency { get; set; }
    public int ExitNoticeMonths { get; set; }
    public string? ExitTerms { get; set; }
    public Guid? ProposedByOrganisationId { get; set; }
    public DateTime ProposedAt { get; set; }
    public DateTime? SignedAt { get; set; }
}
