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
public static partial class Scoring
{
    public const double PatternWeight = 0.45;
    public const double TextWeight = 0.15;
    public const double ClassificationWeight = 0.10;
    public const double DistanceWeight = 0.10;
    public const double TransportWeight = 0.05;
    public const double QuantityWeight = 0.10;
    public const double AvailabilityWeight = 0.025;
    public const double PriceWeight = 0.025;

    /// <summary>On top of the others, and only when both sides have a vector (<c>Search:Vectors</c>).</summary>
    public const double VectorWeight = 0.10;

    /// <summary>
    /// The pattern fit that full rare-word evidence stands in for when no pattern fits better; 0.8 and a stricter
    /// evidence floor were measured too and lost pairs on other sets (bench/Matching.Quality/README.md, round nine).
    /// </summary>
    public const double RareStandIn = 0.6;

    public sealed record Component(double Value, string Text);

    /// <summary>Null when the pairing must never be suggested.</summary>
    public static ScoredPair? Score(Side offer, Side want, KnowledgeBase knowledge, IReadOnlyDictionary<string, double> learned, TermRarity? rarity = null)
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
        var vector = VectorFit(offer.Annotation, want.Annotation);
        var rare = RareWords(offer.Annotation, want.Annotation, rarity);
        var evidence = Evidence.Decide(new EvidenceInput(
            o.ResourceClass, w.ResourceClass, resourceFit is null ? null : knowledge.PatternsById[resourceFit.PatternId].ResourceClass, pattern.Value,
            NamesIt(resourceFit), NamesIt(useFit), thesaurus, o.EwcCode is not null && o.EwcCode == w.EwcCode, similarity)
        {
            VectorSimilarity = vector?.Cosine ?? 0,
            RareWords = rare.Value,
            OfferOwnWords = resourceFit is null || OwnWordsName(offer.Annotation, knowledge.PatternsById[resourceFit.PatternId], knowledge),
            SharedSpecificConcept = offer.Annotation.Groups.Any(g => want.Annotation.Groups.Contains(g) && knowledge.IsSpecific(g)),
        });
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
        if (vector is not null)
        {
            reasons.Add(new("vector", vector.Text, Round(VectorWeight * vector.Value)));
        }

        // lexical evidence of an exchange no pattern documents: rare shared words stand in for a pattern fit, up to RareStandIn
        if (RareStandIn * rare.Value > pattern.Value)
        {
            reasons.Add(new("rare-words", rare.Text + " No documented pattern fits as well; the shared words stand in for one.", Round(PatternWeight * ((RareStandIn * rare.Value) - pattern.Value))));
        }

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

    private static double Round(double value) => Math.Round(value, 4);
}
