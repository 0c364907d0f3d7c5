namespace Marketplace.Portal.Api;

public sealed record ProjectParticipant(Guid OrganisationId, string? Name, string Role, string Status, bool SharesQuantities);

public sealed record ProjectFlow(Guid Id, Guid OrganisationId, bool Hidden, decimal? QuantityPerYear, double? DistanceKm, Guid? ListingId = null,
    Guid? MatchId = null, decimal? DisposalCostPerUnit = null, string? QualityNotes = null);

public sealed record ProjectTotals(int Participants, int Flows, decimal? PooledQuantityPerYear);

public sealed record Project(Guid Id, string Title, string Purpose, string Stage, string Unit, string ViewedAs, string? AbandonReason,
    IReadOnlyList<ProjectParticipant> Participants, IReadOnlyList<ProjectFlow> Flows, ProjectTotals Totals, Guid? BundleMatchId = null);

public sealed record Figure(string Key, decimal? Value, string Unit, string Formula, string Source);

public sealed record ParticipantSheet(Guid OrganisationId, string Name, string Role, IReadOnlyList<Figure> Figures);

public sealed record Sensitivity(string Case, Guid? LeavingOrganisationId, bool Viable, IReadOnlyList<Figure> Figures);

public sealed record Worksheet(string Unit, bool Viable, IReadOnlyList<Figure> Project, IReadOnlyList<ParticipantSheet> Participants,
    Sensitivity? LargestSupplierLeaves = null);

public sealed record Coverage(decimal MinimumViableScale, decimal SignedQuantity, bool Covered, string Explanation);

/// <summary>What the facilitator entered for the worksheet (the API's <c>inputs</c>).</summary>
public sealed record FeasibilityInputs(decimal MinimumViableScale, decimal CapitalCost, decimal YearlyOperatingCost, decimal YearlyOutputRevenue,
    string SharingKey, IReadOnlyDictionary<Guid, decimal>? CustomShares, decimal DiscountRate, int LifetimeYears, string Currency);

public sealed record Feasibility(Worksheet Worksheet, Coverage? Coverage, FeasibilityInputs? Inputs = null);

public sealed record Commitment(Guid Id, Guid OrganisationId, int Version, string Kind, string Status, bool Hidden, decimal? QuantityPerYear,
    DateOnly StartDate, DateOnly EndDate, decimal? PricePerUnit = null, string Currency = "EUR", int ExitNoticeMonths = 0, string? ExitTerms = null,
    DateTimeOffset? SignedAt = null);

public sealed record ProjectTask(Guid Id, string Kind, string Title, Guid? OwnerOrganisationId, DateOnly? DueDate, DateTimeOffset? MeetingAt,
    string Status, string? Minutes);

public sealed record FundingApplication(Guid Id, string Programme, decimal AmountRequested, string Currency, string Status, decimal? AmountGranted);

/// <summary>What happened in a project (the API's words, no quantities); <see cref="At"/> is UTC.</summary>
public sealed record TimelineEntry(Guid Id, DateTime At, string Kind, string Text);
