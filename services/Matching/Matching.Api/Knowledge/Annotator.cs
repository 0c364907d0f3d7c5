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
        var resource = Hits(p.ResourcePhrases, english, 0.5, 2, evidence, "names the resource");
        if (p.WantNamesResource && resource >= 1 && !AnySpecificGroup(p.ResourceGroups, groups, knowledge))
        {
            return new PatternFit(p.Id, 0, evidence);
        }

        miss *= resource;
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
