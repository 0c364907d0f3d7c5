namespace Marketplace.Brokerage.Projects;

/// <summary>
/// The key that splits capital cost, operating cost and output revenue among the participants: <c>quantity</c>
/// (each its share of the pooled yearly quantity), <c>equal</c> (every participant the same) or <c>custom</c>
/// (shares entered, each 0..1, summing to 1).
/// </summary>
public static class CostSharing
{
    public const string ByQuantity = "quantity";
    public const string Equal = "equal";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<string> Keys = [ByQuantity, Equal, Custom];

    public sealed record Result(IReadOnlyDictionary<Guid, decimal> Shares, string? Error, string Formula);

    public static Result Shares(string key, IReadOnlyList<Guid> participants, IReadOnlyDictionary<Guid, decimal> quantities,
        IReadOnlyDictionary<Guid, decimal>? custom)
    {
        switch (key)
        {
            case ByQuantity:
                var pooled = quantities.Values.Sum();
                return pooled <= 0
                    ? new(Empty(participants), "The quantity key needs flows with a quantity.", "share = quantity / pooled quantity")
                    : new(participants.ToDictionary(p => p, p => quantities.GetValueOrDefault(p) / pooled), null, "share = quantity / pooled quantity");
            case Equal:
                return participants.Count == 0
                    ? new(Empty(participants), "The equal key needs participants.", "share = 1 / number of participants")
                    : new(participants.ToDictionary(p => p, _ => 1m / participants.Count), null, $"share = 1 / {participants.Count} participants");
            case Custom:
                return CustomShares(participants, custom);
            default:
                return new(Empty(participants), $"sharingKey must be one of: {string.Join(", ", Keys)}.", "");
        }
    }

    private static Result CustomShares(IReadOnlyList<Guid> participants, IReadOnlyDictionary<Guid, decimal>? custom)
    {
        const string formula = "share = as entered";
        if (custom is null || custom.Count == 0)
        {
            return new(Empty(participants), "The custom key needs a share for the participants.", formula);
        }

        if (custom.Keys.FirstOrDefault(k => !participants.Contains(k)) is var stranger && stranger != Guid.Empty)
        {
            return new(Empty(participants), $"Organisation {stranger} has a custom share but is not a participant.", formula);
        }

        if (custom.Values.Any(v => v is < 0 or > 1))
        {
            return new(Empty(participants), "Each custom share must be between 0 and 1.", formula);
        }

        var sum = custom.Values.Sum();
        return Math.Abs(sum - 1m) > 0.0001m
            ? new(Empty(participants), $"Custom shares must add up to 1; they add up to {sum:0.####}.", formula)
            : new(participants.ToDictionary(p => p, p => custom.GetValueOrDefault(p)), null, formula);
    }

    private static Dictionary<Guid, decimal> Empty(IReadOnlyList<Guid> participants) => participants.ToDictionary(p => p, _ => 0m);
}
