namespace Marketplace.Brokerage.Projects;

/// <summary>
/// Whether the signed supply agreements cover the installation's minimum viable scale. Each participant counts
/// with its latest signed agreement (a later signed version replaces an earlier one); letters of intent and
/// unsigned proposals are reported but do not count.
/// </summary>
public static class CommitmentCoverage
{
    public sealed record Commitment(Guid OrganisationId, string Kind, string Status, int Version, decimal QuantityPerYear);

    public sealed record Result(decimal MinimumViableScale, decimal SignedQuantity, decimal IntendedQuantity, bool Covered, string Explanation);

    public static Result Of(decimal minimumViableScale, string unit, IEnumerable<Commitment> commitments)
    {
        var list = commitments.ToList();
        var signed = LatestSigned(list, CommitmentKinds.Agreement).Sum(c => c.QuantityPerYear);
        var intended = LatestSigned(list, CommitmentKinds.LetterOfIntent).Sum(c => c.QuantityPerYear);
        if (minimumViableScale <= 0)
        {
            return new(minimumViableScale, signed, intended, false,
                "The minimum viable scale is not set; enter it in the feasibility worksheet before the project can reach agreement.");
        }

        var covered = signed >= minimumViableScale;
        var explanation = covered
            ? $"Signed agreements cover {signed:0.###} {unit}/year of the minimum viable scale of {minimumViableScale:0.###} {unit}/year."
            : $"Signed agreements cover {signed:0.###} of the minimum viable scale of {minimumViableScale:0.###} {unit}/year; {minimumViableScale - signed:0.###} {unit}/year more must be signed (letters of intent: {intended:0.###}).";
        return new(minimumViableScale, signed, intended, covered, explanation);
    }

    private static IEnumerable<Commitment> LatestSigned(List<Commitment> list, string kind) => list
        .Where(c => c.Kind == kind && c.Status == CommitmentStatuses.SignedByParticipant)
        .GroupBy(c => c.OrganisationId)
        .Select(g => g.MaxBy(c => c.Version)!);
}

public static class CommitmentKinds
{
    public const string LetterOfIntent = "letter_of_intent";
    public const string Agreement = "agreement";

    public static readonly IReadOnlyList<string> All = [LetterOfIntent, Agreement];
}

public static class CommitmentStatuses
{
    public const string Proposed = "proposed";
    public const string Superseded = "superseded";
    public const string SignedByParticipant = "signed";
}
