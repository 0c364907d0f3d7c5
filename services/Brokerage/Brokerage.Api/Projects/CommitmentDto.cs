namespace Marketplace.Brokerage.Projects;

public sealed record CommitmentDto(Guid Id, Guid ProjectId, Guid OrganisationId, int Version, string Kind, string Status, bool Hidden,
    decimal? QuantityPerYear, DateOnly StartDate, DateOnly EndDate, decimal? PricePerUnit, string Currency, int ExitNoticeMonths, string? ExitTerms,
    DateTime ProposedAt, DateTime? SignedAt);

/// <summary>A page of commitments; <see cref="Coverage"/> is of every commitment, null when the viewer may not see totals.</summary>
public sealed record CommitmentListDto(IReadOnlyList<CommitmentDto> Items, string? NextCursor, CommitmentCoverage.Result? Coverage);

internal static class CommitmentMapping
{
    /// <summary>With <paramref name="showTerms"/> false, the quantity and price are left out (the owner did not consent).</summary>
    public static CommitmentDto AsDto(this ProjectCommitment c, bool showTerms) => new(c.Id, c.ProjectId, c.OrganisationId, c.Version, c.Kind, c.Status, !showTerms,
        showTerms ? c.QuantityPerYear : null, c.StartDate, c.EndDate, showTerms ? c.PricePerUnit : null, c.Currency, c.ExitNoticeMonths,
        showTerms ? c.ExitTerms : null, c.ProposedAt, c.SignedAt);
}
