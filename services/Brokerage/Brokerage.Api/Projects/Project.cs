namespace Marketplace.Brokerage.Projects;

/// <summary>A collaborative multi-party project a facilitator designs, assesses, agrees and follows.</summary>
public sealed class Project
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Purpose { get; set; }
    public string Stage { get; set; } = ProjectStages.Idea;
    /// <summary>The unit of the pooled flows (t, MWh, m3...); transport is costed for t only.</summary>
    public required string Unit { get; set; }
    public string? ResourceTitle { get; set; }
    public string? EwcCode { get; set; }
    public string? ResourceClass { get; set; }
    /// <summary>The bundle suggestion the project was created from, if any.</summary>
    public Guid? BundleMatchId { get; set; }
    /// <summary>The token subject of the operator user who facilitates.</summary>
    public required string FacilitatorSubject { get; set; }
    public string? FeePlanCode { get; set; }
    public string? AbandonReason { get; set; }
    /// <summary>The last entered inputs (JSON of <see cref="FeasibilityInputs"/>) and the worksheet computed from them.</summary>
    public string? FeasibilityInputsJson { get; set; }
    public string? WorksheetJson { get; set; }
    public DateTime? WorksheetComputedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
    public List<ProjectParticipant> Participants { get; set; } = [];
    public List<ProjectFlow> Flows { get; set; } = [];

    public ProjectParticipant? ParticipantOf(Guid organisationId) => Participants.FirstOrDefault(p => p.OrganisationId == organisationId);

    /// <summary>The joined participants: the recipients of the project's events.</summary>
    public IReadOnlyList<Guid> Members() => [.. Participants.Where(p => p.Status == ParticipantStatuses.Joined).Select(p => p.OrganisationId)];

    public IEnumerable<Confidentiality.Party> Parties() => Participants.Select(p => new Confidentiality.Party(p.OrganisationId, p.Status, p.SharesQuantities));
}

public sealed class ProjectParticipant
{
    public Guid ProjectId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>See <see cref="ProjectRoles"/>.</summary>
    public required string Role { get; set; }
    /// <summary><c>invited</c>, <c>joined</c> or <c>left</c>.</summary>
    public string Status { get; set; } = ParticipantStatuses.Invited;
    /// <summary>Consent to show this participant's quantities to the other participants (the facilitator always sees them).</summary>
    public bool SharesQuantities { get; set; }
    public DateTime InvitedAt { get; set; }
    public DateTime? JoinedAt { get; set; }
}

/// <summary>One pooled flow: a listing (or a match) of a participant with the quantity it commits per year.</summary>
public sealed class ProjectFlow
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? ListingId { get; set; }
    public Guid? MatchId { get; set; }
    public decimal QuantityPerYear { get; set; }
    /// <summary>Road distance to the installation, straight line; null: the transport model's typical distance.</summary>
    public double? DistanceKm { get; set; }
    /// <summary>What the participant pays today to dispose of it, per unit; null: the impact factor's disposal cost.</summary>
    public decimal? DisposalCostPerUnit { get; set; }
    public string? QualityNotes { get; set; }
    public DateTime AddedAt { get; set; }
}
