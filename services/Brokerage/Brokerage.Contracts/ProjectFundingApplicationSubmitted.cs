namespace Marketplace.Brokerage.Contracts;

/// <summary>The facilitator submitted a subsidy or funding application prepared for a project's participants.</summary>
public sealed record ProjectFundingApplicationSubmitted(
    Guid ProjectId,
    Guid ApplicationId,
    string Programme,
    decimal AmountRequested,
    string Currency,
    string? FeePlanCode,
    IReadOnlyList<Guid> OrganisationIds,
    DateTime SubmittedAt);
