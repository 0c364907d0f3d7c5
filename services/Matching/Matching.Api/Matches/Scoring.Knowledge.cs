using Marketplace.Matching.Search;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Matches;

/// <summary>The components that read meaning: the synergy pattern, the shared text and the classification.</summary>
public static partial class Scoring
{
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

    /// <summary>How many rare words make full lexical evidence (each weighed by <see cref="TermRarity.Weight"/>).</summary>
    public const double RareWordsForFull = 2.0;

    /// <summary>
    /// The words both listings use, each weighed by how few indexed listings use it (<see cref="TermRarity"/>),
    /// summed to 1 at <see cref="RareWordsForFull"/>: "PAH" and "tar" shared by a road contractor and a kiln say more
    /// than "plant" and "waste". Symmetric: it rests on the shared words alone. 0 without statistics.
    /// </summary>
    public static Component RareWords(Annotation offer, Annotation want, TermRarity? rarity)
    {
        if (rarity is null || rarity.Documents < 3)
        {
            return new Component(0, "");
        }

        var weighed = new List<(string Term, double Weight)>();
        foreach (var term in offer.Text.Terms)
        {
            if (want.Text.Terms.Contains(term) && rarity.Weight(term) is var w && w > 0)
            {
                weighed.Add((term, w));
            }
        }

        var value = Math.Min(1, weighed.Sum(t => t.Weight) / RareWordsForFull);
        var named = string.Join(", ", weighed.OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal).Take(5).Select(t => t.Term));
        return new Component(value, weighed.Count == 0 ? "" : $"Rare words in common ({named}).");
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

    /// <summary>
    /// Whether the offer says in its own words what it is, as far as the pattern goes: its own text (not its waste
    /// code's label or common names) holds one of the pattern's own resource terms (not the names its codes lend it),
    /// every stem of it, or a specific thesaurus group of them. The term set, not positions: a candidate decoded for
    /// scoring has no position index.
    /// </summary>
    public static bool OwnWordsName(Annotation offer, SynergyPattern p, KnowledgeBase knowledge)
    {
        var terms = offer.Text.Terms;
        foreach (var phrase in p.OwnResourcePhrases)
        {
            if (phrase.Stems.Length > 0 && phrase.Stems.All(terms.Contains))
            {
                return true;
            }
        }

        foreach (var g in p.OwnResourceGroups)
        {
            if (offer.Groups.Contains(g) && knowledge.IsSpecific(g))
            {
                return true;
            }
        }

        return false;
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
}
