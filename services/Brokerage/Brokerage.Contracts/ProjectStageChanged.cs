namespace Marketplace.Brokerage.Contracts;

/// <summary>A collaborative project moved to another stage. <see cref="OrganisationIds"/> are its joined participants (the recipients).</summary>
public sealed record ProjectStageChanged(
    Guid ProjectId,
    string Title,
    string From,
    string To,
    string? Reason,
    string? FeePlanCode,
    IReadOnlyList<Guid> OrganisationIds,
    DateTime ChangedAt);
