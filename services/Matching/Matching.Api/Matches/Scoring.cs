using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Search;

namespace Marketplace.Matching.Matches;

/// <summary>What moving the flow would cost a year: per unit moved (tonne, MWh or m³) and in total.</summary>
public sealed record TransportCostEstimate(double EurPerYear, double Co2eKgPerYear, double EurPerTonne, string Mode)
{
    public double Co2eKgPerTonne { get; init; }
}

/// <summary>One side of a scored pairing.</summary>
public sealed record Side(ListingSnapshot Listing, Annotation Annotation);

/// <summary>A scored pairing of an offer and a want.</summary>
public sealed record ScoredPair(
    ListingSnapshot Offer, ListingSnapshot Want, double Score, double DistanceKm, TransportCostEstimate? Transport,
    IReadOnlyList<MatchReason> Reasons, IReadOnlyList<string> PatternIds)
{
    /// <summary>The terms the text component rested on (<c>th:</c> thesaurus concepts, <c>st:</c> stems): what a decision teaches.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
}

/// <summary>
/// The scorer: each component a pure function returning a value in 0..1 and a sentence; the score is their
/// weighted sum. Hazard, own organisation and reach are gates, not weights.
/// </summary>
public static class Scoring
{
    public const double PatternWeight = 0.45;
    public const double TextWeight = 0.15;
    public const double ClassificationWeight = 0.10;
    public const double DistanceWeight = 0.10;
    public const double TransportWeight = 0.05;
    public const double QuantityWeight = 0.10;
    public const double AvailabilityWeight = 0.025;
    public const double PriceWeight = 0.025;

    public sealed record Component(double Value, string Text);

    /// <summary>Null when the pairing must never be suggested.</summary>
    public static ScoredPair? Score(Side offer, Side want, KnowledgeBase knowledge, IReadOnlyDictionary<string, double> learned)
    {
        var o = offer.Listing;
        var w = want.Listing;
        if (o.OrganisationId == w.OrganisationId || !Counterparts.HazardAllowed(o, w))
        {
            return null;
        }

        var f = knowledge.Factors;
        var km = RoadKm(o.Location, w.Location, f.Circuity);
        var distance = Distance(km, o.MaxTransportKm, w.MaxTransportKm, f.TypicalExchangeKm);
        if (distance is null)
        {
            return null;
        }

        var (pattern, patternIds, resourceFit, useFit) = BestPattern(offer.Annotation, want.Annotation, knowledge, learned);
        var (thesaurus, similarity) = TextEvidence(offer.Annotation, want.Annotation, knowledge);
        var evidence = Evidence.Decide(new EvidenceInput(
            o.ResourceClass, w.ResourceClass, resourceFit is null ? null : knowledge.PatternsById[resourceFit.PatternId].ResourceClass, pattern.Value,
            NamesIt(resourceFit), NamesIt(useFit), thesaurus, o.EwcCode is not null && o.EwcCode == w.EwcCode, similarity));
        if (!evidence.Suggest)
        {
            return null;
        }

        var text = TextFit(offer.Annotation, want.Annotation, knowledge);
        var classification = ClassificationFit(o, w, offer.Annotation, want.Annotation, patternIds.Count > 0 ? patternIds[0] : null, knowledge);
        var transport = TransportCost(o, w, km, f);
        var transportFit = TransportFit(transport, o.ResourceClass);
        var quantity = QuantityFit(o.Quantity, w.Quantity);
        var availability = AvailabilityOverlap(o.AvailableFrom, o.AvailableUntil, w.AvailableFrom, w.AvailableUntil);
        var price = PriceCompatibility(o.Price, w.Price);

        var reasons = new List<MatchReason>
        {
            new("evidence", evidence.Text, 0),
            new("knowledge-base", pattern.Text, Round(PatternWeight * pattern.Value)),
            new("text", text.Text, Round(TextWeight * text.Value)),
            new("classification", classification.Text, Round(ClassificationWeight * classification.Value)),
            new("distance", distance.Text, Round(DistanceWeight * distance.Value)),
            new("transport-cost", transportFit.Text, Round(TransportWeight * transportFit.Value)),
            new("quantity", quantity.Text, Round(QuantityWeight * quantity.Value)),
            new("availability", availability.Text, Round(AvailabilityWeight * availability.Value)),
            new("price", price.Text, Round(PriceWeight * price.Value)),
        };
        if (patternIds.Count > 0 && learned.TryGetValue(patternIds[0], out var weight) && Math.Abs(weight - 1) > 1e-9)
        {
            reasons.Add(Learned(weight));
        }

        var terms = SharedTerms(offer.Annotation, want.Annotation);
        if (LearnedTerms(terms, learned) is { } termReason)
        {
            reasons.Add(termReason);
        }

        if (o.Hazardous)
        {
            reasons.Add(new("hazard", "Hazardous material; the receiver accepts hazardous material (permit held).", 0));
        }

        var score = Math.Round(Math.Clamp(reasons.Sum(r => r.Contribution), 0, 1), 4);
        return new ScoredPair(o, w, score, Math.Round(km, 1), transport, reasons, patternIds) { Terms = terms };
    }

    /// <summary>Past decisions on the same pattern: up to ±0.05 on top of the components.</summary>
    public static MatchReason Learned(double weight) => new(
        "learning",
        weight > 1 ? $"Matches of this kind were accepted before (learned weight {weight:0.00})." : $"Matches of this kind were declined before (learned weight {weight:0.00}).",
        Round(0.1 * (weight - 1)));

    /// <summary>Terms learned on: at most this many per match, thesaurus concepts first.</summary>
    public const int MaxLearnedTerms = 8;

    /// <summary>
    /// The terms behind the text component, as learning keys: shared thesaurus concepts (<c>th:</c>, language
    /// independent), then shared stems (<c>st:</c>), the same selection <see cref="TextFit"/> describes.
    /// </summary>
    public static IReadOnlyList<string> SharedTerms(Annotation offer, Annotation want)
    {
        var terms = offer.Groups.Where(want.Groups.Contains).Order(StringComparer.Ordinal).Select(g => "th:" + g).ToList();
        if (terms.Count < MaxLearnedTerms)
        {
            terms.AddRange(offer.Text.Terms.Where(want.Text.Terms.Contains)
                .Order(StringComparer.Ordinal).Select(t => "st:" + t));
        }

        return terms.Count > MaxLearnedTerms ? terms[..MaxLearnedTerms] : terms;
    }

    /// <summary>
    /// Past decisions on matches that rested on the same terms: the mean learned weight of the shared terms gives up
    /// to ±0.05 on top of the components (terms never learned count as neutral). Null when nothing was learned.
    /// </summary>
    public static MatchReason? LearnedTerms(IReadOnlyList<string> terms, IReadOnlyDictionary<string, double> learned)
    {
        var known = terms.Where(learned.ContainsKey).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        var mean = terms.Average(t => learned.GetValueOrDefault(t, 1.0));
        if (Math.Abs(mean - 1) < 1e-9)
        {
            return null;
        }

        var named = string.Join(", ", known.Take(4).Select(t => t[3..]));
        return new MatchReason(
            "learning",
            mean > 1 ? $"Matches resting on the same terms ({named}) were accepted before (learned weight {mean:0.00})."
                : $"Matches resting on the same terms ({named}) were declined before (learned weight {mean:0.00}).",
            Round(0.1 * (mean - 1)));
    }

    public static double RoadKm(LocationSnapshot a, LocationSnapshot b, double circuity) => Geo.GreatCircleKm(a, b) * circuity;

    /// <summary>Closer is better; null beyond either side's reach.</summary>
    public static Component? Distance(double roadKm, double? offerMaxKm, double? wantMaxKm, double typicalKm)
    {
        var reach = Math.Min(offerMaxKm ?? double.MaxValue, wantMaxKm ?? double.MaxValue);
        if (roadKm > reach)
        {
            return null;
        }

        var value = 1 / (1 + (roadKm / Math.Max(typicalKm, 1)));
        var limit = reach < double.MaxValue ? $", within the {reach:0} km both sides will cover" : "";
        return new Component(value, $"About {roadKm:0} km by road (great-circle distance × circuity){limit}.");
    }

    /// <summary>Best synergy pattern for the pairing: offer's resource fit × want's use fit × what acceptances taught.</summary>
    public static (Component Fit, IReadOnlyList<string> PatternIds) KnowledgeFit(
        Annotation offer, Annotation want, KnowledgeBase knowledge, IReadOnlyDictionary<string, double> learned)
    {
        var (fit, ids, _, _) = BestPattern(offer, want, knowledge, learned);
        return (fit, ids);
    }

    /// <summary>As <see cref="KnowledgeFit"/>, with the best pattern's two fits (null when none is shared).</summary>
    private static (Component Fit, IReadOnlyList<string> PatternIds, PatternFit? Resource, PatternFit? Use) BestPattern(
        Annotation offer, Annotation want, KnowledgeBase knowledge, IReadOnlyDictionary<string, double> learned)
    {
        // The three best shared patterns, in one pass (ties keep the offer's order, as a stable sort would): this
        // runs for every candidate of every search, over about a hundred fits a side.
        (PatternFit Resource, PatternFit Use, double Value) best = default, second = default, third = default;
        var shared = 0;
        foreach (var r in offer.Patterns.Values)
        {
            if (!want.Patterns.TryGetValue(r.PatternId, out var u))
            {
                continue;
            }

            var entry = (r, u, Math.Min(1, r.Value * u.Value * learned.GetValueOrDefault(r.PatternId, 1.0)));
            shared++;
            if (shared == 1 || entry.Item3 > best.Value)
            {
                (third, second, best) = (second, best, entry);
            }
            else if (shared == 2 || entry.Item3 > second.Value)
            {
                (third, second) = (second, entry);
            }
            else if (shared == 3 || entry.Item3 > third.Value)
            {
                third = entry;
            }
        }

        if (shared == 0 || best.Value < 0.02)
        {
            return (new Component(0, "No documented synergy pattern links these two."), [], null, null);
        }

        var p = knowledge.PatternsById[best.Resource!.PatternId];
        // the best pattern alone: a pair fitting several patterns is a broad material or a generic use (any food
        // residue to any digester), not a better match than one a single specific pattern links
        var value = best.Value;
        var why = string.Join("; ", best.Resource.Evidence.Select(e => "offer " + e).Concat(best.Use!.Evidence.Select(e => "want " + e)));
        var text = $"Known synergy: {p.Name} ({why}). Source: {p.Citation}";
        // the ranked ids worth naming (what a decision teaches): the top three that reach 0.05, best first
        var ids = new List<string>(3);
        if (best.Value >= 0.05)
        {
            ids.Add(best.Resource.PatternId);
        }

        if (shared > 1 && second.Value >= 0.05)
        {
            ids.Add(second.Resource!.PatternId);
        }

        if (shared > 2 && third.Value >= 0.05)
        {
            ids.Add(third.Resource!.PatternId);
        }

        return (new Component(value, text), ids, best.Resource, best.Use);
    }

    /// <summary>
    /// The two halves of <see cref="TextFit"/>: shared thesaurus concepts, each weighed by its specificity (two
    /// listings both saying "by-product" share little; a broader concept, "b:", counts half of what the concept itself
    /// would), and shared stems (2.5 × Dice overlap, capped at 1).
    /// </summary>
    public static (double Thesaurus, double Similarity) TextEvidence(Annotation offer, Annotation want, KnowledgeBase? knowledge = null)
    {
        var thesaurus = 1 - offer.Groups.Where(want.Groups.Contains).Aggregate(1.0, (m, g) => m * (1 - (0.4 * Specificity(g, knowledge))));
        var a = offer.Text.Terms;
        var b = want.Text.Terms;
        var dice = a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);
        return (thesaurus, Math.Min(1, dice * 2.5));
    }

    /// <summary>Shared thesaurus groups (synonyms across languages) and shared stems (Dice overlap); symmetric.</summary>
    public static Component TextFit(Annotation offer, Annotation want, KnowledgeBase? knowledge = null)
    {
        var shared = offer.Groups.Where(want.Groups.Contains).ToList();
        var terms = offer.Text.Terms.Where(want.Text.Terms.Contains).ToList();
        var (thesaurus, similarity) = TextEvidence(offer, want, knowledge);
        var value = Math.Max(thesaurus, similarity);
        var parts = new List<string>();
        if (shared.Count > 0)
        {
            parts.Add($"same concepts in the thesaurus ({string.Join(", ", shared.Take(4))})");
        }

        if (terms.Count > 0)
        {
            parts.Add($"shared terms ({string.Join(", ", terms.Take(6))})");
        }

        return new Component(value, parts.Count == 0 ? "The descriptions share no terms." : "Descriptions: " + string.Join("; ", parts) + ".");
    }

    /// <summary>A side fits a pattern by what it is or asks for, not by its sector or temperature alone.</summary>
    private static bool NamesIt(PatternFit? fit) =>
        fit is not null && fit.Evidence.Any(e => !e.Contains("sector NACE", StringComparison.Ordinal) && !e.Contains("°C", StringComparison.Ordinal));

    private static double Specificity(string group, KnowledgeBase? knowledge) =>
        group.StartsWith("b:", StringComparison.Ordinal)
            ? 0.5 * (knowledge?.GroupSpecificity.GetValueOrDefault(group[2..], 1.0) ?? 1.0)
            : knowledge?.GroupSpecificity.GetValueOrDefault(group, 1.0) ?? 1.0;

    /// <summary>Resource class, and the waste code and sectors against the best pattern.</summary>
    public static Component ClassificationFit(ListingSnapshot offer, ListingSnapshot want, Annotation offerA, Annotation wantA, string? patternId, KnowledgeBase? knowledge = null)
    {
        var parts = new List<string>();
        var value = 0.0;
        if (offer.ResourceClass == want.ResourceClass)
        {
            value += 0.4;
            parts.Add($"both {offer.ResourceClass}");
        }

        if (offer.EwcCode is { Length: 8 } o && want.EwcCode is { Length: 8 } w)
        {
            var same = o == w ? 0.4 : o[..5] == w[..5] ? 0.25 : o[..2] == w[..2] ? 0.1 : 0;
            value += same;
            if (same > 0)
            {
                parts.Add($"waste codes {o} and {w} agree");
            }
        }
        else if (patternId is not null && offerA.Patterns.TryGetValue(patternId, out var r) && r.Evidence.Any(e => e.StartsWith("waste code", StringComparison.Ordinal)))
        {
            value += 0.3;
            parts.Add($"waste code {offer.EwcCode} fits the pattern");
        }

        if (patternId is not null && wantA.Patterns.TryGetValue(patternId, out var u) && u.Evidence.Any(e => e.Contains("NACE", StringComparison.Ordinal)))
        {
            value += 0.3;
            parts.Add($"receiver's sector {knowledge?.DescribeNace(wantA.Nace) ?? wantA.Nace} typically uses it");
        }

        return new Component(Math.Min(1, value), parts.Count == 0 ? "No classification in common." : "Classification: " + string.Join("; ", parts) + ".");
    }

    /// <summary>Energy and water travel by pipe; materials and capacity by road.</summary>
    public static bool Piped(string resourceClass) => resourceClass is ResourceClasses.Energy or ResourceClasses.Water;

    /// <summary>
    /// Road haulage for materials, pipe for heat and water between listings that both are heat or water (a fly-ash
    /// want is never quoted a steam pipeline); per unit moved and for the yearly flow.
    /// </summary>
    public static TransportCostEstimate? TransportCost(ListingSnapshot offer, ListingSnapshot want, double roadKm, TransportFactors f)
    {
        var flow = (double)(offer.Quantity.BaseUnit == want.Quantity.BaseUnit
            ? Math.Min(offer.Quantity.YearlyAmount, want.Quantity.YearlyAmount)
            : offer.Quantity.YearlyAmount);
        switch (offer.Quantity.BaseUnit)
        {
            case Units.MegawattHour or Units.CubicMetre when Piped(offer.ResourceClass) || offer.Quantity.BaseUnit == Units.MegawattHour:
                // a pipe carries heat and water to who uses heat or water, never to a fly-ash want: no estimate across
                if (!Piped(offer.ResourceClass) || !Piped(want.ResourceClass))
                {
                    return null;
                }

                return offer.Quantity.BaseUnit == Units.MegawattHour
                    ? Estimate(f.EurPerMWhKmPipe * roadKm, 0, flow, "pipe")
                    : Estimate(f.EurPerM3KmWaterPipe * roadKm, 0, flow, "pipe");
            case Units.Tonne or Units.CubicMetre:
                // one m³ of a material is taken as one tonne: most by-products sit between 0.5 and 2 t/m³
                return Estimate(f.FixedEurPerTonne + (f.EurPerTonneKm * roadKm), f.Co2eKgPerTonneKm * roadKm, flow, "road");
            default:
                return null;
        }

        static TransportCostEstimate Estimate(double perUnit, double co2PerUnit, double flow, string mode) =>
            new(Math.Round(perUnit * flow, 2), Math.Round(co2PerUnit * flow, 2), Math.Round(perUnit, 2), mode) { Co2eKgPerTonne = Math.Round(co2PerUnit, 4) };
    }

    /// <summary>Cheaper per unit is better; a 20 € per unit haul halves the component.</summary>
    public static Component TransportFit(TransportCostEstimate? estimate, string resourceClass) => estimate is null
        ? new Component(0.5, $"No transport estimate for this {resourceClass} flow.")
        : new Component(1 / (1 + (estimate.EurPerTonne / 20)),
            $"Transport by {estimate.Mode}: about €{estimate.EurPerTonne:0.00} per unit, €{estimate.EurPerYear:0} and {estimate.Co2eKgPerYear:0} kg CO2e a year.");

    /// <summary>Both flows as yearly rates in the same base unit; an offer covering the need fits fully.</summary>
    public static Component QuantityFit(QuantitySnapshot offer, QuantitySnapshot want)
    {
        if (offer.BaseUnit != want.BaseUnit || offer.YearlyAmount <= 0 || want.YearlyAmount <= 0)
        {
            return new Component(0.5, $"Quantities are not comparable ({offer.BaseUnit} against {want.BaseUnit}).");
        }

        var ratio = (double)(offer.YearlyAmount / want.YearlyAmount);
        if (ratio >= 1)
        {
            return new Component(ratio <= 20 ? 1 : 0.8, $"Offer {offer.YearlyAmount:0.#} {offer.BaseUnit}/year covers the need of {want.YearlyAmount:0.#} {offer.BaseUnit}/year.");
        }

        return new Component(Math.Max(0.1, ratio), $"Offer {offer.YearlyAmount:0.#} {offer.BaseUnit}/year covers {ratio:P0} of the need of {want.YearlyAmount:0.#} {offer.BaseUnit}/year.");
    }

    /// <summary>Share of the want's window in which the offer is available; open ends are unbounded.</summary>
    public static Component AvailabilityOverlap(DateOnly? offerFrom, DateOnly? offerUntil, DateOnly? wantFrom, DateOnly? wantUntil)
    {
        if (offerFrom is null && offerUntil is null && wantFrom is null && wantUntil is null)
        {
            return new Component(1, "Both available without a time limit.");
        }

        var from = Max(offerFrom, wantFrom);
        var until = Min(offerUntil, wantUntil);
        if (from is not null && until is not null && until < from)
        {
            return new Component(0, "Availability windows do not overlap.");
        }

        if (wantFrom is not null && wantUntil is not null && from is not null && until is not null)
        {
            var need = wantUntil.Value.DayNumber - wantFrom.Value.DayNumber + 1;
            var overlap = until.Value.DayNumber - from.Value.DayNumber + 1;
            return new Component(Math.Clamp((double)overlap / need, 0, 1), $"Available {overlap} of the {need} days needed.");
        }

        return new Component(1, "Availability windows overlap.");

        static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
        static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
    }

    /// <summary>The offer's asking price against what the want will pay, when both are in the same currency and unit.</summary>
    public static Component PriceCompatibility(PriceSnapshot? offer, PriceSnapshot? want)
    {
        if (offer is null || want is null)
        {
            return new Component(0.75, "Price to be agreed.");
        }

        if (offer.Currency != want.Currency || offer.Per != want.Per)
        {
            return new Component(0.5, "Prices are in different currencies or units.");
        }

        if (offer.Amount <= want.Amount)
        {
            return new Component(1, $"Asking {offer.Amount} {offer.Currency}/{offer.Per}, within the {want.Amount} {want.Currency} offered.");
        }

        var gap = want.Amount <= 0 ? 1 : (double)((offer.Amount - want.Amount) / Math.Abs(offer.Amount));
        return new Component(Math.Max(0, 1 - (2 * gap)), $"Asking {offer.Amount} {offer.Currency}/{offer.Per}, above the {want.Amount} {want.Currency} offered.");
    }

    private static double Round(double value) => Math.Round(value, 4);
}
