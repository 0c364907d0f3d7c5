namespace Marketplace.Brokerage.Projects;

/// <summary>Who may sign which version of a commitment, as a pure function; versions are append-only like deal terms.</summary>
public static class CommitmentRules
{
    /// <summary>Null when the organisation may sign; otherwise why not.</summary>
    public static string? CanSign(string status, bool isLatest, Guid committingOrganisation, Guid signer)
    {
        if (status == CommitmentStatuses.SignedByParticipant)
        {
            return "This version is already signed.";
        }

        if (status == CommitmentStatuses.Superseded || !isLatest)
        {
            return "This version was superseded by a later one; only the latest version can be signed.";
        }

        return signer != committingOrganisation ? "A commitment is signed by the participant that commits, not by another organisation." : null;
    }

    public static Dictionary<string, string[]> Validate(string kind, decimal quantityPerYear, DateOnly start, DateOnly end, int noticeMonths)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CommitmentKinds.All.Contains(kind))
        {
            errors["kind"] = [$"kind must be one of: {string.Join(", ", CommitmentKinds.All)}."];
        }

        if (quantityPerYear < 0)
        {
            errors["quantityPerYear"] = ["quantityPerYear must not be negative."];
        }

        if (start == default || end == default || end < start)
        {
            errors["end"] = ["start and end are required and end must not be before start."];
        }

        if (noticeMonths is < 0 or > 120)
        {
            errors["exitNoticeMonths"] = ["exitNoticeMonths must be between 0 and 120."];
        }

        return errors;
    }
}
