using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Listings.Contracts;

namespace Marketplace.Matching.Knowledge;

/// <summary>How well one listing fits one side of a synergy pattern, and what showed it.</summary>
public sealed record PatternFit(string PatternId, double Value, IReadOnlyList<string> Evidence);

/// <summary>What Matching understands of a listing: its language, stems, thesaurus groups and the patterns it fits.</summary>
public sealed record Annotation(
    string Language,
    StemText Text,
    IReadOnlySet<string> Groups,
    IReadOnlyDictionary<string, PatternFit> Patterns,
    double? TemperatureC,
    string? Nace)
{
    /// <summary>Index terms: resource class, waste-code levels, thesaurus groups, fitted patterns (pr: offer side, pu: want side).</summary>
    public IReadOnlyList<string> Concepts { get; init; } = [];

    /// <summary>The listing's sentence embedding (unit length), null when vectors are off (<see cref="IListingEmbedder"/>).</summary>
    public float[]? Vector { get; init; }
}

/// <summary>Annotates listings against the knowledge base. Pure apart from a memo of recent results.</summary>
public sealed partial class Annotator(KnowledgeBase knowledge)
{
    /// <summary>Below this a pattern is not worth an index term.</summary>
    public const double ConceptThreshold = 0.25;

    private readonly ConcurrentDictionary<(Guid, int, string?), Annotation> memo = new();

    public KnowledgeBase Knowledge => knowledge;

    public Annotation Annotate(ListingSnapshot listing, string? organisationNace)
    {
        var nace = listing.NaceCode ?? organisationNace;
        var key = (listing.ListingId, listing.Version, nace);
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        if (memo.Count > 50_000)
        {
            memo.Clear();
        }

        return memo[key] = Compute(listing, nace);
    }

    /// <summary>
    /// As <see cref="Annotate"/>, past the memo: a rebuild annotates each listing once, and holding its annotations
    /// in the memo only made every garbage collection of the rebuild copy them.
    /// </summary>
    public Annotation AnnotateOnce(ListingSnapshot listing, string? organisationNace) => Compute(listing, listing.NaceCode ?? organisationNace);

    private Annotation Compute(ListingSnapshot listing, string? nace)
    {
        var raw = $"{listing.Title}\n{listing.Description}";
        var language = TextAnalysis.LanguageOf(listing.Language, raw);
        var stems = TextAnalysis.Stems(raw, language);
        stems.AddRange(knowledge.CompoundParts(raw, language));
        var text = new StemText(stems);
        var groups = knowledge.GroupsIn(text, language);

        // Pattern terms are English: an English listing is read as written; the waste code's label and common
        // names are English whatever the listing's language.
        var englishStems = language == "en" ? new List<string>(stems) : [];
        StemText? codeNames = null;
        if (listing.EwcCode is { } code && knowledge.Ewc.TryGetValue(code, out var entry))
        {
            englishStems.Add("|");
            // a catch-all entry's common names are the several materials it gathers, only one of which may be this
            // listing's: they are weighed apart (see ResourceFit), a specific entry's names are the listing's own
            // so are a broad entry's, which many patterns list (02 03 04: peels, pulp, off-spec food, oils…)
            var catchAll = KnowledgeBase.IsCatchAll(code) || knowledge.IsBroadCode(code);
            englishStems.AddRange(TextAnalysis.Stems(string.Join(" | ", catchAll ? [entry.Label] : [entry.Label, .. entry.CommonNames]), "en"));
            if (catchAll && entry.CommonNames.Count > 0)
            {
                codeNames = new StemText([.. TextAnalysis.Stems(string.Join(" | ", entry.CommonNames), "en")]);
            }
        }

        var english = new StemText(englishStems);
        if (language != "en")
        {
            groups.UnionWith(knowledge.GroupsIn(english, "en"));
        }

        var temperature = listing.TemperatureC ?? TemperatureIn(raw);
        var fits = new Dictionary<string, PatternFit>(StringComparer.Ordinal);
        foreach (var pattern in knowledge.CandidatePatterns(listing.Kind, english, listing.EwcCode, nace, groups))
        {
            var fit = listing.Kind == ListingKinds.Offer
                ? ResourceFit(pattern, listing, english, groups, nace, temperature, knowledge, codeNames)
                : UseFit(pattern, listing, english, groups, nace, knowledge);
            if (fit.Value >= 0.05)
            {
                fits[pattern.Id] = fit;
            }
        }

        var concepts = new List<string> { "class:" + listing.ResourceClass };
        if (listing.EwcCode is { Length: 8 } ewc)
        {
            concepts.AddRange(["ewc:" + ewc[..2], "ewc:" + ewc[..5], "ewc:" + ewc]);
        }

        concepts.AddRange(groups.Select(g => "th:" + g));
        var prefix = listing.Kind == ListingKinds.Offer ? "pr:" : "pu:";
        concepts.AddRange(fits.Values.Where(f => f.Value >= ConceptThreshold).Select(f => prefix + f.PatternId));
        return new Annotation(language, text, groups, fits, temperature, nace) { Concepts = concepts };
    }

    /// <summary>How well an offer supplies the pattern's resource: waste code, named material, supplier sector, temperature.</summary>
    public static PatternFit ResourceFit(SynergyPattern p, ListingSnapshot offer, StemText english, IReadOnlySet<string> groups, string? nace, double? temperatureC, KnowledgeBase? knowledge = null, StemText? catchAllNames = null)
    {
        var evidence = new List<string>();
        var miss = 1.0;
        if (offer.EwcCode is { Length: 8 } ewc)
        {
            if (p.Resource.Ewc.Contains(ewc))
            {
                // "not otherwise specified" names the process, not the material: weaker evidence than a specific entry
                // and an entry many patterns list says the offer is one of many materials, not which
                miss *= 1 - ((KnowledgeBase.IsCatchAll(ewc) ? 0.5 : 0.85) * (knowledge?.CodeSpecificity.GetValueOrDefault(ewc, 1.0) ?? 1.0));
                evidence.Add($"waste code {ewc} is one this pattern lists");
            }
            else if (SameSubChapter(p.Resource.Ewc, ewc))
            {
                miss *= 1 - SubChapterCredit(p, ewc, knowledge);
                evidence.Add($"waste code {ewc} is in the same List of Waste sub-chapter as this pattern's");
            }
        }

        var named = Hits(p.ResourcePhrases, english, 0.6, 3, evidence, "names");
        if (named >= 1 && catchAllNames is not null)
        {
            // the text names none of the pattern's materials; its catch-all code gathers one of them among others
            named = Hits(p.ResourcePhrases, catchAllNames, 0.3, 1, evidence, "has a waste code that gathers");
        }

        miss *= named;
        miss *= GroupHits(p.ResourceGroups, groups, 0.5, evidence, knowledge);
        miss *= NaceFit(p.Resource.Nace, nace, 0.3, 0.2, 0.1, evidence, "supplier");
        var value = 1 - miss;
        if (temperatureC is { } t && (p.MinTemperatureC is not null || p.MaxTemperatureC is not null))
        {
            var min = p.MinTemperatureC ?? double.MinValue;
            var max = p.MaxTemperatureC ?? double.MaxValue;
            if (t >= min - 5 && t <= max + 50)
            {
                value = 1 - ((1 - value) * 0.7);
                evidence.Add($"{t:0} °C suits this use ({Range(p)})");
            }
            else if (t < min - 5)
            {
                value *= 0.4;
                evidence.Add($"{t:0} °C is below what this use needs ({Range(p)})");
            }
        }

        return new PatternFit(p.Id, value * ClassFactor(p, offer.ResourceClass), evidence);
    }

    /// <summary>How well a want is the pattern's use: use terms, the material it asks for, receiving sector.</summary>
    public static PatternFit UseFit(SynergyPattern p, ListingSnapshot want, StemText english, IReadOnlySet<string> groups, string? nace, KnowledgeBase? knowledge = null)
    {
        var evidence = new List<string>();
        var miss = Hits(p.UsePhrases, english, 0.6, 3, evidence, "asks for");
        miss *= Hits(p.ResourcePhrases, english, 0.5, 2, evidence, "names the resource");
        var named = miss < 1;
        miss *= GroupHits(p.WantGroups, groups, 0.45, evidence, knowledge);

        // The receiving sector says what a buyer could use, not what this want asks for: without a word of the
        // want pointing to the pattern (a term, or a thesaurus group specific enough: not "by-product", "scrap"),
        // its sector counts half (a recycler's want for one material does not make every material its sector
        // recycles a fit).
        var sectorOnly = !named && !AnySpecificGroup(p.WantGroups, groups, knowledge);
        miss *= sectorOnly ? NaceFit(p.Use.Nace, nace, 0.25, 0.175, 0.1, evidence, "receiving")
            : NaceFit(p.Use.Nace, nace, 0.5, 0.35, 0.2, evidence, "receiving");
        return new PatternFit(p.Id, (1 - miss) * ClassFactor(p, want.ResourceClass), evidence);
    }

    /// <summary>
    /// Credit for an offer's waste code that is not the pattern's but sits in the same List of Waste sub-chapter.
    /// A sub-chapter gathers the wastes of one process, often quite different materials (10 01: ashes, FGD gypsum,
    /// boiler sludges; 19 12: paper, metals, plastics, glass, wood from sorting). An offer whose code is a specific
    /// entry that other patterns list is that other material, so the shared heading says little; a catch-all
    /// entry (xx xx 99) or one no pattern lists keeps the fuller credit.
    /// </summary>
    public static double SubChapterCredit(SynergyPattern p, string ewc, KnowledgeBase? knowledge)
    {
        if (knowledge is null || KnowledgeBase.IsCatchAll(ewc) || !knowledge.CodesListed.Contains(ewc))
        {
            return 0.4;
        }

        return p.Resource.Ewc.Any(e => e.Length >= 5 && e[..5] == ewc[..5] && KnowledgeBase.IsCatchAll(e)) ? 0.4 : 0.1;
    }

    private static bool SameSubChapter(IReadOnlyList<string> codes, string ewc)
    {
        var heading = ewc.AsSpan(0, 5);
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i].Length >= 5 && codes[i].AsSpan(0, 5).SequenceEqual(heading))
            {
                return true;
            }
        }

        return false;
    }

    private static double Hits(IReadOnlyList<Phrase> phrases, StemText text, double each, int max, List<string> evidence, string verb)
    {
        // the hot loop of a rebuild: index loops, no closures, one look-up of a phrase's first stem per pass
        var positions = text.Positions;
        List<string>? found = null;
        for (var i = 0; i < phrases.Count; i++)
        {
            var phrase = phrases[i];
            if (phrase.Stems.Length > 0 && positions.TryGetValue(phrase.Stems[0], out var starts) && phrase.OccursAt(text, starts) && !Contains(found, phrase.Text))
            {
                (found ??= []).Add(phrase.Text);
                if (found.Count == max)
                {
                    break;
                }
            }
        }

        // then phrases whose words stand a little apart or in another order, at three quarters of the weight
        var exact = found?.Count ?? 0;
        for (var i = 0; i < phrases.Count && (found?.Count ?? 0) < max; i++)
        {
            var phrase = phrases[i];
            if (phrase.Stems.Length >= 2 && positions.TryGetValue(phrase.Stems[0], out var starts) && !Contains(found, phrase.Text) && phrase.OccursNearAt(text, starts))
            {
                (found ??= []).Add(phrase.Text);
            }
        }

        if (found is null)
        {
            return 1; // Math.Pow(x, 0) * Math.Pow(y, 0)
        }

        evidence.Add($"{verb} {string.Join(", ", found.Select(f => $"'{f}'"))}");
        return Math.Pow(1 - each, exact) * Math.Pow(1 - (0.75 * each), found.Count - exact);
    }

    private static bool Contains(List<string>? found, string text)
    {
        if (found is null)
        {
            return false;
        }

        foreach (var f in found)
        {
            if (string.Equals(f, text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The two most specific shared groups, each weighed by how few patterns name it.</summary>
    private static double GroupHits(IReadOnlySet<string> patternGroups, IReadOnlySet<string> groups, double each, List<string> evidence, KnowledgeBase? knowledge)
    {
        if (patternGroups.Count == 0 || groups.Count == 0)
        {
            return 1;
        }

        // the first two by weight, highest first, then by name (ordinal); a loop, not a sort, on the rebuild's hot path
        (string Group, double Weight)? first = null, second = null;
        foreach (var g in patternGroups)
        {
            if (!groups.Contains(g))
            {
                continue;
            }

            var shared = (Group: g, Weight: knowledge?.GroupSpecificity.GetValueOrDefault(g, 1.0) ?? 1.0);
            if (first is null || Before(shared, first.Value))
            {
                (first, second) = (shared, first);
            }
            else if (second is null || Before(shared, second.Value))
            {
                second = shared;
            }
        }

        if (first is not { } one)
        {
            return 1;
        }

        evidence.Add(second is { } two ? $"thesaurus: {one.Group}, {two.Group}" : $"thesaurus: {one.Group}");
        var miss = 1.0 * (1 - (each * one.Weight));
        return second is { } other ? miss * (1 - (each * other.Weight)) : miss;
    }

    private static bool Before((string Group, double Weight) a, (string Group, double Weight) b) =>
        a.Weight > b.Weight || (a.Weight == b.Weight && string.CompareOrdinal(a.Group, b.Group) < 0);

    private static bool AnySpecificGroup(IReadOnlySet<string> patternGroups, IReadOnlySet<string> groups, KnowledgeBase? knowledge)
    {
        foreach (var g in patternGroups)
        {
            if (groups.Contains(g) && (knowledge?.GroupSpecificity.GetValueOrDefault(g, 1.0) ?? 1.0) >= 0.5)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>NACE Rev. 2: class (NN.NN), group (NN.N), division (NN).</summary>
    private static double NaceFit(IReadOnlyList<string> listed, string? nace, double @class, double group, double division, List<string> evidence, string role)
    {
        if (string.IsNullOrEmpty(nace) || listed.Count == 0)
        {
            return 1;
        }

        var n = Nace(nace.AsSpan());
        double e;
        if (AnyNace(listed, n, null))
        {
            e = @class;
        }
        else if (n.Length >= 4 && AnyNace(listed, n, 4))
        {
            e = group;
        }
        else if (AnyNace(listed, n, 2))
        {
            e = division;
        }
        else
        {
            return 1;
        }

        evidence.Add($"{role} sector NACE {nace} is typical for it");
        return 1 - e;
    }

    /// <summary>
    /// Whether a listed code is <paramref name="n"/> (<paramref name="prefix"/> null) or shares its first
    /// <paramref name="prefix"/> characters, both normalised by <see cref="Nace"/>; spans, no substrings.
    /// </summary>
    private static bool AnyNace(IReadOnlyList<string> listed, ReadOnlySpan<char> n, int? prefix)
    {
        for (var i = 0; i < listed.Count; i++)
        {
            var x = Nace(listed[i].AsSpan());
            if (prefix is not { } length ? x.SequenceEqual(n) : x.Length >= length && x[..length].SequenceEqual(n[..length]))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Nace(ReadOnlySpan<char> code)
    {
        var c = code.Trim();
        return c.Length > 5 ? c[..5] : c.EndsWith(".0", StringComparison.Ordinal) ? c[..^2] : c.EndsWith(".00", StringComparison.Ordinal) ? c[..^3] : c;
    }

    private static double ClassFactor(SynergyPattern p, string resourceClass) =>
        p.ResourceClass == resourceClass ? 1.0 : p.ResourceClass == ResourceClasses.Material || resourceClass == ResourceClasses.Material ? 0.55 : 0.8;

    private static string Range(SynergyPattern p) => $"{p.MinTemperatureC?.ToString("0", CultureInfo.InvariantCulture) ?? "…"}–{p.MaxTemperatureC?.ToString("0", CultureInfo.InvariantCulture) ?? "…"} °C";

    /// <summary>The highest temperature stated in the text (e.g. "200-250 C", "85 °C").</summary>
    public static double? TemperatureIn(string text)
    {
        double? best = null;
        foreach (Match m in TemperaturePattern().Matches(text))
        {
            var value = double.Parse(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value, CultureInfo.InvariantCulture);
            best = best is null ? value : Math.Max(best.Value, value);
        }

        return best;
    }

    [GeneratedRegex(@"(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\s*(?:°\s*C|deg(?:rees)?\s*C|C)\b")]
    private static partial Regex TemperaturePattern();
}
