using Marketplace.Listings.Contracts;

namespace Marketplace.Brokerage.Terms;

/// <summary>What a proposal must hold and who may accept it, as pure functions.</summary>
public static class TermsRules
{
    private static readonly string[] Periods = ["day", "week", "month", "quarter", "year", "once"];
    private static readonly string[] DeliveryTermValues = ["collected", "delivered"];

    /// <summary>Null when <paramref name="side"/> may accept; otherwise why not.</summary>
    public static string? CanAccept(string status, string proposedBy, Guid proposedByOrganisation, string? side, Guid organisation)
    {
        if (status == TermsStatuses.Accepted)
        {
            return "These terms are already accepted.";
        }

        if (status == TermsStatuses.Superseded)
        {
            return "These terms were superseded by a later proposal; only the latest version can be accepted.";
        }

        if (side is null)
        {
            return "Only a party to the deal or the operator can accept terms.";
        }

        if (side == proposedBy || organisation == proposedByOrganisation)
        {
            return $"The {proposedBy} proposed these terms; they must be accepted by the other party.";
        }

        return null;
    }

    /// <summary>The checks data annotations cannot express; errors keyed by the JSON path of the field.</summary>
    public static Dictionary<string, string[]> Validate(ProposeTermsRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (Units.Canonical(r.Quantity.Unit) is null)
        {
            errors["quantity.unit"] = [$"unit must be one of: {string.Join(", ", Units.All)}."];
        }

        if (!Periods.Contains(r.Quantity.Period))
        {
            errors["quantity.period"] = [$"period must be one of: {string.Join(", ", Periods)}."];
        }

        if (r.Quantity.Start == default || r.Quantity.End == default || r.Quantity.End < r.Quantity.Start)
        {
            errors["quantity.end"] = ["start and end are required and end must not be before start."];
        }

        if (!DeliveryTermValues.Contains(r.DeliveryTerms))
        {
            errors["deliveryTerms"] = ["deliveryTerms must be 'collected' or 'delivered'."];
        }

        if (Math.Abs(r.Price.PerUnit) > 1_000_000_000m)
        {
            errors["price.perUnit"] = ["perUnit is out of range."];
        }

        return errors;
    }
}
