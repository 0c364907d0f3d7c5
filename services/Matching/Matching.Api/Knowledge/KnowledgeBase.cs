using Marketplace.Listings.Contracts;

namespace Marketplace.Matching.Knowledge;

/// <summary>
/// The shipped domain knowledge: List of Waste, synergy patterns, transport factors and, when present, the
/// multilingual thesaurus and NACE labels. Loaded once; every file but the patterns is optional.
/// </summary>
public sealed partial class KnowledgeBase
{
    public KnowledgeBase(
        IReadOnlyList<SynergyPattern> patterns, IReadOnlyList<EwcEntry> ewc, IReadOnlyDictionary<string, string> ewcHeadings,
        IReadOnlyList<ThesaurusGroup> thesaurus, TransportFactors factors, IReadOnlyDictionary<string, string>? nace = null)
    {
        Nace = nace ?? new Dictionary<string, string>();
        Ewc = ewc.ToDictionary(e => e.Code);
        EwcHeadings = ewcHeadings;
        Thesaurus = [.. thesaurus.Select(g => g with
        {
            Phrases = [.. g.Terms.Select(t => (t.Language, new Phrase(t.Term, [.. TextAnalysis.Stems(t.Term, t.Language)]))).Where(p => p.Item2.Stems.Length > 0)],
        })];
        ThesaurusById = Thesaurus.ToDictionary(g => g.Id);
        foreach (var group in Thesaurus)
        {
            foreach (var (lang, phrase) in group.Phrases)
            {
                var key = (lang, phrase.Stems[0]);
                if (!phrasesByFirstStem.TryGetValue(key, out var list))
                {
                    phrasesByFirstStem[key] = list = [];
                }

                list.Add((group.Id, phrase));
                foreach (var stem in phrase.Stems)
                {
                    knownStems.Add((lang, stem));
                }
            }
        }

        Factors = factors;
        Patterns = [.. patterns.Select(Prepare)];
        PatternsById = Patterns.ToDictionary(p => p.Id);
        GroupSpecificity = Specificity(Patterns.SelectMany(p => p.ResourceGroups.Union(p.WantGroups)));
        CodesListed = Patterns.SelectMany(p => p.Resource.Ewc).ToHashSet(StringComparer.Ordinal);
        CodeSpecificity = Specificity(Patterns.SelectMany(p => p.Resource.Ewc.Distinct(StringComparer.Ordinal)));
        foreach (var p in Patterns)
        {
            foreach (var phrase in p.ResourcePhrases)
            {
                Add(offerIndex, "s:" + phrase.Stems[0], p);
                Add(wantIndex, "s:" + phrase.Stems[0], p);
            }

            foreach (var phrase in p.UsePhrases)
            {
                Add(wantIndex, "s:" + phrase.Stems[0], p);
            }

            foreach (var code in p.Resource.Ewc.Where(c => c.Length >= 5))
            {
                Add(offerIndex, "e:" + code[..5], p);
            }

            foreach (var code in p.Resource.Nace.Where(n => n.Length >= 2))
            {
                Add(offerIndex, "n:" + code[..2], p);
            }

            foreach (var code in p.Use.Nace.Where(n => n.Length >= 2))
            {
                Add(wantIndex, "n:" + code[..2], p);
            }

            foreach (var group in p.ResourceGroups)
            {
                Add(offerIndex, "g:" + group, p);
            }

            foreach (var group in p.WantGroups)
            {
                Add(wantIndex, "g:" + group, p);
            }
        }
    }

    private readonly Dictionary<(string Language, string Stem), List<(string Group, Phrase Phrase)>> phrasesByFirstStem = [];

    private readonly Dictionary<string, List<SynergyPattern>> offerIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SynergyPattern>> wantIndex = new(StringComparer.Ordinal);

    public IReadOnlyList<SynergyPattern> Patterns { get; }

    /// <summary>
    /// Patterns a listing could fit at all: one of its stems starts a pattern term, or its waste sub-chapter, sector
    /// division or a thesaurus group is the pattern's. The rest fit with zero, so they are never computed.
    /// </summary>
    public IEnumerable<SynergyPattern> CandidatePatterns(string kind, StemText english, string? ewc, string? nace, IReadOnlySet<string> groups)
    {
        var index = kind == ListingKinds.Offer ? offerIndex : wantIndex;
        var keys = english.Positions.Keys.Select(k => "s:" + k)
            .Concat(groups.Select(g => "g:" + g));
        if (ewc is { Length: >= 5 })
        {
            keys = keys.Append("e:" + ewc[..5]);
        }

        if (nace is { Length: >= 2 })
        {
            keys = keys.Append("n:" + nace.Trim()[..2]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (index.TryGetValue(key, out var patterns))
            {
                foreach (var p in patterns)
                {
                    if (seen.Add(p.Id))
                    {
                        yield return p;
                    }
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<SynergyPattern>> index, string key, SynergyPattern p)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(p))
        {
            list.Add(p);
        }
    }

    public IReadOnlyDictionary<string, SynergyPattern> PatternsById { get; }

    /// <summary>
    /// How telling it is that a listing names a thesaurus group a pattern names: 1 for a group few patterns share,
    /// down to 0.3 for broad ones ("by-product", "fuel", "water") that a dozen patterns or more name, the way an
    /// inverse document frequency weighs a common word.
    /// </summary>
    public IReadOnlyDictionary<string, double> GroupSpecificity { get; }

    /// <summary>Waste codes some pattern lists: an offer with one of these is known to be that specific material.</summary>
    public IReadOnlySet<string> CodesListed { get; }

    /// <summary>
    /// How telling an offer's waste code is about which pattern it serves, as <see cref="GroupSpecificity"/>: 1 for an
    /// entry few patterns list, less for a broad entry many list (02 03 04 "materials unsuitable for consumption or
    /// processing" covers peels, pulp, off-spec food, oils…, 02 02 03 meat, fish, blood): such a code says the
    /// offer is one of many materials, not which.
    /// </summary>
    public IReadOnlyDictionary<string, double> CodeSpecificity { get; }

    /// <summary>An entry listed by more patterns than <see cref="SpecificGroupPatterns"/>: its common names are weighed apart, like a catch-all's.</summary>
    public bool IsBroadCode(string code) => CodeSpecificity.GetValueOrDefault(code, 1.0) < 1.0;

    /// <summary>A List of Waste "wastes not otherwise specified" entry (xx xx 99): it says which process, not which material.</summary>
    public static bool IsCatchAll(string code) => code.TrimEnd('*', ' ').EndsWith("99", StringComparison.Ordinal);

    /// <summary>Patterns naming a group (<see cref="GroupSpecificity"/>): up to this many count fully.</summary>
    public const int SpecificGroupPatterns = 6;

    /// <summary>
    /// A thesaurus group telling enough of what a want points to that the want's sector counts fully (Annotator's use
    /// fit): not a broad "b:" group, and named by few enough patterns (<see cref="GroupSpecificity"/> at least 0.5).
    /// </summary>
    public bool IsSpecific(string group) =>
        !group.StartsWith("b:", StringComparison.Ordinal) && GroupSpecificity.GetValueOrDefault(group, 1.0) >= 0.5;

    private static Dictionary<string, double> Specificity(IEnumerable<string> groupsPerPattern) =>
        groupsPerPattern.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Count() <= SpecificGroupPatterns ? 1.0 : Math.Max(0.3, Math.Sqrt((double)SpecificGroupPatterns / g.Count())),
            StringComparer.Ordinal);

    public IReadOnlyDictionary<string, EwcEntry> Ewc { get; }

    public IReadOnlyDictionary<string, string> EwcHeadings { get; }

    public IReadOnlyList<ThesaurusGroup> Thesaurus { get; }

    public IReadOnlyDictionary<string, ThesaurusGroup> ThesaurusById { get; }

    public TransportFactors Factors { get; }

    /// <summary>NACE Rev. 2 labels by code (sections, divisions, groups, classes), when knowledge/nace.json is present.</summary>
    public IReadOnlyDictionary<string, string> Nace { get; }

    /// <summary>"23.51 (Manufacture of cement)", or the bare code when no label is known.</summary>
    public string DescribeNace(string? code) =>
        code is null ? "unknown" : Nace.TryGetValue(code.Trim(), out var label) || Nace.TryGetValue(code.Trim().TrimEnd('0').TrimEnd('.'), out label) ? $"{code} ({label})" : code;

    /// <summary>Thesaurus groups named in a text, with their broader groups.</summary>
    public HashSet<string> GroupsIn(StemText text, string language)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stem in text.Positions.Keys)
        {
            if (!phrasesByFirstStem.TryGetValue((language, stem), out var candidates))
            {
                continue;
            }

            foreach (var (group, phrase) in candidates)
            {
                if (!groups.Contains(group) && phrase.OccursIn(text))
                {
                    AddWithBroader(group, groups);
                }
            }
        }

        return groups;
    }

    private void AddWithBroader(string id, HashSet<string> groups)
    {
        if (!groups.Add(id) || !ThesaurusById.TryGetValue(id, out var group))
        {
            return;
        }

        foreach (var broader in group.Broader)
        {
            groups.Add("b:" + broader);
        }
    }

    private SynergyPattern Prepare(SynergyPattern p)
    {
        // A catch-all entry's common names (02 04 99: molasses, beet pulp, bagasse…) are several materials, not this
        // pattern's resource: only specific entries lend their names.
        // The pattern's own terms first, then the names its codes lend that it does not list itself: each analysed once.
        var own = ToPhrases(p.Resource.Terms.Distinct(StringComparer.OrdinalIgnoreCase));
        var lent = ToPhrases(p.Resource.Ewc.Where(code => !IsCatchAll(code)).SelectMany(code => Ewc.TryGetValue(code, out var e) ? e.CommonNames : [])
            .Where(name => !p.Resource.Terms.Contains(name, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase));
        List<Phrase> resource = [.. own, .. lent];
        var use = ToPhrases(p.Use.Terms);
        var ownGroups = GroupsOf(own);
        var resourceGroups = GroupsOf(lent);
        resourceGroups.UnionWith(ownGroups);
        return p with
        {
            ResourcePhrases = resource,
            OwnResourcePhrases = own,
            OwnResourceGroups = ownGroups,
            UsePhrases = use,
            ResourceGroups = resourceGroups,
            UseGroups = GroupsOf(use),
            WantGroups = GroupsOf(resource.Concat(use)),
        };
    }

    private HashSet<string> GroupsOf(IEnumerable<Phrase> phrases)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            groups.UnionWith(GroupsIn(new StemText(phrase.Stems), "en").Where(g => !g.StartsWith("b:", StringComparison.Ordinal)));
        }

        return groups;
    }

    private static List<Phrase> ToPhrases(IEnumerable<string> terms) =>
        [.. terms.Select(t => new Phrase(t, [.. TextAnalysis.Stems(t, "en")])).Where(p => p.Stems.Length > 0)];
}
