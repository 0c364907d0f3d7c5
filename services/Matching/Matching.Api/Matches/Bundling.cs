using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Matches;

/// <summary>Several offers pooled for one want, or one offer split over several wants.</summary>
public sealed record Bundle(
    ScoredPair Lead, IReadOnlyList<BundleMember> Members, double Score, double DistanceKm, TransportCostEstimate? Transport,
    IReadOnlyList<MatchReason> Reasons, IReadOnlyList<string> PatternIds);

/// <summary>
/// Pooling small flows into a viable one. When no single counterpart covers the source's quantity, counterparts of
/// the same kind of resource (same best synergy pattern, or same waste sub-chapter) are added cheapest transport
/// first until the quantity is covered. Pure: works on already scored pairs.
/// </summary>
public static class Bundling
{
    /// <summary>Members must be at least this good as pairs.</summary>
    public const double MinimumMemberScore = 0.35;

    public const int MaxMembers = 5;

    public static IReadOnlyList<Bundle> Propose(ListingSnapshot source, IReadOnlyList<ScoredPair> pairs, TransportFactors factors)
    {
        var need = source.Quantity.YearlyAmount;
        var unit = source.Quantity.BaseUnit;
        var isWant = source.Kind == ListingKinds.Want;
        var usable = pairs
            .Where(p => p.Score >= MinimumMemberScore)
            .Where(p => Other(p, isWant).Quantity.BaseUnit == unit && Other(p, isWant).Quantity.YearlyAmount > 0)
            .ToList();
        if (need <= 0 || usable.Count < 2 || usable.Any(p => Other(p, isWant).Quantity.YearlyAmount >= need))
        {
            return [];
        }

        var bundles = new List<Bundle>();
        foreach (var family in usable.GroupBy(Family).Where(g => g.Key is not null && g.Count() >= 2))
        {
            // cheapest haul per unit first (better pairs break ties); when that needs too many members, largest first
            var chosen = Cover(family.OrderBy(p => p.Transport?.EurPerTonne ?? double.MaxValue).ThenByDescending(p => p.Score), need, isWant)
                ?? Cover(family.OrderByDescending(p => Other(p, isWant).Quantity.YearlyAmount).ThenBy(p => p.Transport?.EurPerTonne ?? double.MaxValue), need, isWant);
            if (chosen is null)
            {
                continue;
            }

            bundles.Add(Build(source, chosen, need, family.Key!, isWant, factors));
        }

        return [.. bundles.OrderByDescending(b => b.Score).Take(1)];
    }

    /// <summary>
    /// Whether <paramref name="source"/>, just matched, could be one of several members pooled for the counterpart in
    /// <paramref name="pair"/>: good enough as a pair, in the same unit, and too small to cover the counterpart alone.
    /// The counterpart's pool is then proposed again, since it was proposed before this listing existed.
    /// </summary>
    public static bool CouldJoinPool(ListingSnapshot source, ScoredPair pair)
    {
        var counterpart = Other(pair, source.Kind == ListingKinds.Want);
        return pair.Score >= MinimumMemberScore
            && counterpart.Quantity.BaseUnit == source.Quantity.BaseUnit
            && source.Quantity.YearlyAmount > 0
            && source.Quantity.YearlyAmount < counterpart.Quantity.YearlyAmount;
    }

    private static List<(ScoredPair Pair, decimal Amount)>? Cover(IEnumerable<ScoredPair> ordered, decimal need, bool isWant)
    {
        var chosen = new List<(ScoredPair Pair, decimal Amount)>();
        var covered = 0m;
        foreach (var pair in ordered)
        {
            if (covered >= need || chosen.Count == MaxMembers)
            {
                break;
            }

            var amount = Math.Min(Other(pair, isWant).Quantity.YearlyAmount, need - covered);
            chosen.Add((pair, amount));
            covered += amount;
        }

        return covered >= need && chosen.Count >= 2 ? chosen : null;
    }

    private static Bundle Build(ListingSnapshot source, List<(ScoredPair Pair, decimal Amount)> chosen, decimal need, string family, bool isWant, TransportFactors factors)
    {
        var members = new List<BundleMember>
        {
            new(source.ListingId, source.OrganisationId, source.Kind, source.Quantity.YearlyAmount, source.Quantity.BaseUnit, 1.0),
        };
        members.AddRange(chosen.Select(c =>
        {
            var other = Other(c.Pair, isWant);
            return new BundleMember(other.ListingId, other.OrganisationId, other.Kind, other.Quantity.YearlyAmount, other.Quantity.BaseUnit,
                Math.Round((double)(c.Amount / need), 4));
        }));

        var score = Math.Round(chosen.Sum(c => c.Pair.Score * (double)(c.Amount / need)) * Math.Pow(0.97, chosen.Count - 1), 4);
        var perUnit = chosen.Select(c => (c.Pair.Transport, Amount: (double)c.Amount)).ToList();
        TransportCostEstimate? transport = perUnit.All(p => p.Transport is not null)
            ? new TransportCostEstimate(
                Math.Round(perUnit.Sum(p => p.Transport!.EurPerTonne * p.Amount), 2),
                Math.Round(perUnit.Sum(p => p.Transport!.Co2eKgPerTonne * p.Amount), 2),
                Math.Round(perUnit.Sum(p => p.Transport!.EurPerTonne * p.Amount) / Math.Max(1e-9, perUnit.Sum(p => p.Amount)), 2),
                perUnit[0].Transport!.Mode)
            : null;
        var lead = chosen.OrderByDescending(c => c.Amount).First().Pair;
        var what = isWant ? "offers" : "wants";
        var reasons = new List<MatchReason>
        {
            new("bundle", $"{chosen.Count} {what} of the same kind ({family}) together cover {need:0.#} {source.Quantity.BaseUnit}/year; chosen cheapest transport first ({string.Join(", ", members.Skip(1).Select(m => $"{m.Share:P0}"))}).", 0),
        };
        reasons.AddRange(lead.Reasons.Where(r => r.Component is "knowledge-base" or "classification" or "text"));
        reasons.Add(new("transport-cost", transport is null ? "No combined transport estimate." :
            $"Combined transport about €{transport.EurPerYear:0} and {transport.Co2eKgPerYear:0} kg CO2e a year (factors: €{factors.EurPerTonneKm}/t·km, {factors.Co2eKgPerTonneKm} kg CO2e/t·km).", 0));
        return new Bundle(lead, members, score, chosen.Max(c => c.Pair.DistanceKm), transport, reasons, lead.PatternIds);
    }

    /// <summary>Quality compatibility: the best synergy pattern, else the waste-code sub-chapter.</summary>
    private static string? Family(ScoredPair p) =>
        p.PatternIds.Count > 0 ? p.PatternIds[0] : p.Offer.EwcCode is { Length: 8 } ewc ? "ewc " + ewc[..5] : null;

    private static ListingSnapshot Other(ScoredPair p, bool sourceIsWant) => sourceIsWant ? p.Offer : p.Want;
}
