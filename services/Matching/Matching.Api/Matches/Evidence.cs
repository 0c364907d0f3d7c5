using System.Globalization;

namespace Marketplace.Matching.Matches;

/// <summary>What a pairing's semantics rest on, as <see cref="Evidence.Decide"/> reads it.</summary>
/// <param name="OfferClass">The offer's resource class.</param>
/// <param name="WantClass">The want's resource class.</param>
/// <param name="PatternClass">The resource class of the best shared knowledge-base pattern, null when none is shared.</param>
/// <param name="PatternFit">That pattern's fit (offer's resource fit × want's use fit × what was learned), 0..1.</param>
/// <param name="OfferNamesIt">The offer fits that pattern by what it is (waste code, material named, specific concept), not by its sector alone.</param>
/// <param name="WantNamesIt">The want fits that pattern by what it asks for (use or material named, specific concept), not by its sector alone.</param>
/// <param name="Thesaurus">Shared thesaurus concepts, each weighed by its specificity, 0..1.</param>
/// <param name="SameWasteCode">The want names the offer's waste code.</param>
/// <param name="TextSimilarity">Shared stems (2.5 × Dice overlap, capped at 1).</param>
public sealed record EvidenceInput(
    string OfferClass, string WantClass, string? PatternClass, double PatternFit, bool OfferNamesIt, bool WantNamesIt,
    double Thesaurus, bool SameWasteCode, double TextSimilarity)
{
    /// <summary>Cosine of the two listings' sentence embeddings, 0 when vectors are off.</summary>
    public double VectorSimilarity { get; init; }

    /// <summary>Shared words weighed by their rarity in the index (<see cref="Scoring.RareWords"/>), 0..1.</summary>
    public double RareWords { get; init; }

    /// <summary>
    /// The offer says what it is, as far as the pattern goes (<see cref="Scoring.OwnWordsName"/>): its own words name
    /// the pattern's resource. Not: its waste code, the names a code lends, its sector.
    /// </summary>
    public bool OfferOwnWords { get; init; } = true;

    /// <summary>The two listings share a specific thesaurus concept (not a broader "b:" one, not "scrap" or "by-product").</summary>
    public bool SharedSpecificConcept { get; init; }
}

/// <summary>The verdict: whether the pairing may be suggested at all, and on what.</summary>
public sealed record EvidenceVerdict(bool Suggest, string Kind, string Text);

/// <summary>
/// A suggestion needs semantic evidence: a documented pattern both sides fit by what they are and ask for, a shared
/// specific thesaurus concept or the same waste code, strong text similarity, or rare shared words (ADR 0018), these last four only within one
/// resource class. Distance, transport, quantity, availability and price rank the pairings that have evidence and
/// never make one by themselves. Resource classes pair only where a pattern says so (heat to heat users, material to
/// material users, capacity to who needs it). The floors and Search:MinimumScore were calibrated on the development, validation, holdout and holdout2 sets: the strictest that keep every set's recall@5
/// (bench/Matching.Quality/README.md).
/// </summary>
public static class Evidence
{
    /// <summary>A pattern fit below this is a loose association (a broad material, a generic use), not evidence.</summary>
    public const double PatternFloor = 0.35;

    /// <summary>Shared concepts, weighed by specificity: one concept named by at most 16 patterns reaches it (0.4 × specificity).</summary>
    public const double ThesaurusFloor = 0.15;

    /// <summary>Same-class text similarity (2.5 × Dice over content stems): about a fifth of the words in common.</summary>
    public const double TextFloor = 0.4;

    /// <summary>
    /// Same-class cosine of all-MiniLM-L6-v2 embeddings that counts as evidence on its own; calibrated on the
    /// development, validation, holdout and holdout2 dumps (bench/Matching.Quality/README.md, issue 15 point 2).
    /// </summary>
    public const double VectorFloor = 0.6;

    /// <summary>Same-class rare-word evidence (<see cref="Scoring.RareWords"/>) that counts on its own.</summary>
    public const double RareWordsFloor = 0.5;

    /// <summary>Rare-word evidence that links two texts for a fit by waste code alone: one shared word of rarity 0.5, or several rarer-than-common ones adding up to it.</summary>
    public const double LinkRareWords = 0.25;

    public static EvidenceVerdict Decide(EvidenceInput e)
    {
        var sameClass = e.OfferClass == e.WantClass;
        if (e.PatternClass is not null && e.PatternFit >= PatternFloor && e.OfferNamesIt && e.WantNamesIt
            && (sameClass || e.PatternClass == e.OfferClass || e.PatternClass == e.WantClass) && (e.OfferOwnWords || Linked(e)))
        {
            return new(true, "pattern", Invariant($"Semantic evidence: a documented synergy pattern both sides fit by what they are and need (fit {e.PatternFit:0.00})."));
        }

        if (!sameClass)
        {
            return new(false, "none", $"No pattern pairs {e.OfferClass} with {e.WantClass} here.");
        }

        if (e.SameWasteCode)
        {
            return new(true, "waste code", "Semantic evidence: the want names the offer's waste code.");
        }

        if (e.Thesaurus >= ThesaurusFloor)
        {
            return new(true, "thesaurus", Invariant($"Semantic evidence: specific thesaurus concepts in common ({e.Thesaurus:0.00})."));
        }

        if (e.TextSimilarity >= TextFloor)
        {
            return new(true, "text", Invariant($"Semantic evidence: the descriptions say much the same ({e.TextSimilarity:0.00})."));
        }

        if (e.RareWords >= RareWordsFloor)
        {
            return new(true, "rare words", Invariant($"Semantic evidence: the descriptions share words few listings use ({e.RareWords:0.00})."));
        }

        if (e.VectorSimilarity >= VectorFloor)
        {
            return new(true, "vector", Invariant($"Semantic evidence: the descriptions mean much the same (vector similarity {e.VectorSimilarity:0.00})."));
        }

        return new(false, "none", "No semantic evidence: nothing but logistics would link these two.");
    }

    /// <summary>
    /// A waste code often names a family of materials (16 02 16 "components removed from discarded equipment":
    /// capacitors, magnets, boards, cable; 12 01 03: aluminium, brass and copper swarf), so an offer whose own words do
    /// not name the pattern's resource fits it by that family at best: the two texts must then have something specific in
    /// common (a specific thesaurus concept, or a word few listings use), or tantalum capacitors would go to every
    /// copper-scrap buyer. A broad concept or a common word both share ("scrap", "metals", "plant") is no link.
    /// </summary>
    private static bool Linked(EvidenceInput e) => e.SharedSpecificConcept || e.RareWords >= LinkRareWords;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
