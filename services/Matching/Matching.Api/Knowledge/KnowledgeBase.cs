using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Listings.Contracts;

namespace Marketplace.Matching.Knowledge;

public sealed record SynergyPattern(
    string Id, string Name, string ResourceClass, PatternSide Resource, PatternSide Use,
    double? MinTemperatureC, double? MaxTemperatureC, string Citation)
{
    /// <summary>Analysed resource terms (plus the common names of the pattern's waste codes).</summary>
    public IReadOnlyList<Phrase> ResourcePhrases { get; init; } = [];

    public IReadOnlyList<Phrase> UsePhrases { get; init; } = [];

    /// <summary>Thesaurus groups the resource and use terms belong to, so a listing in another language still fits.</summary>
    public IReadOnlySet<string> ResourceGroups { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> UseGroups { get; init; } = new HashSet<string>();

    /// <summary>Use and resource groups together: what a want may name.</summary>
    public IReadOnlySet<string> WantGroups { get; init; } = new HashSet<string>();
}

public sealed record PatternSide(IReadOnlyList<string> Ewc, IReadOnlyList<string> Terms, IReadOnlyList<string> Nace);

public sealed record EwcEntry(string Code, string Label, string? Hazard, IReadOnlyList<string> CommonNames);

public sealed record ThesaurusGroup(string Id, IReadOnlyList<(string Language, string Term)> Terms, IReadOnlyList<string> Broader)
{
    public IReadOnlyList<(string Language, Phrase Phrase)> Phrases { get; init; } = [];
}

/// <summary>Road transport and pipe factors, with the defaults of knowledge/factors.json.</summary>
public sealed record TransportFactors(
    double Circuity = 1.3, double EurPerTonneKm = 0.12, double FixedEurPerTonne = 4.0, double Co2eKgPerTonneKm = 0.107,
    double EurPerMWhKmPipe = 1.5, double EurPerM3KmWaterPipe = 0.05, double TypicalExchangeKm = 50,
    string CostSource = "", string Co2eSource = "");

/// <summary>
/// The shipped domain knowledge: List of Waste, synergy patterns, transport factors and, when present, the
/// multilingual thesaurus and NACE labels. Loaded once; every file but the patterns is optional.
/// </summary>
public sealed class KnowledgeBase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

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
        var resourceTerms = p.Resource.Terms.Concat(p.Resource.Ewc.Where(code => !IsCatchAll(code)).SelectMany(code => Ewc.TryGetValue(code, out var e) ? e.CommonNames : []))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var resource = ToPhrases(resourceTerms);
        var use = ToPhrases(p.Use.Terms);
        return p with
        {
            ResourcePhrases = resource,
            UsePhrases = use,
            ResourceGroups = GroupsOf(resource),
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

    /// <summary>Loads from a directory (the app's <c>knowledge/</c> folder by default).</summary>
    public static KnowledgeBase Load(string directory)
    {
        var patterns = new List<SynergyPattern>();
        using (var doc = Read(Path.Combine(directory, "synergies.json")))
        {
            foreach (var p in doc!.RootElement.GetProperty("patterns").EnumerateArray())
            {
                var props = p.TryGetProperty("properties", out var pr) && pr.ValueKind == JsonValueKind.Object ? pr : default;
                patterns.Add(new SynergyPattern(
                    p.GetProperty("id").GetString()!,
                    Str(p, "name") ?? "",
                    Str(p, "resourceClass") ?? ResourceClasses.Material,
                    new PatternSide(Strings(p.GetProperty("resource"), "ewc"), Strings(p.GetProperty("resource"), "terms"), Strings(p.GetProperty("resource"), "supplierNace")),
                    new PatternSide([], Strings(p.GetProperty("use"), "terms"), Strings(p.GetProperty("use"), "receiverNace")),
                    Num(props, "minTemperatureC"), Num(props, "maxTemperatureC"),
                    Str(p, "citation") ?? ""));
            }
        }

        var entries = new List<EwcEntry>();
        var headings = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var doc = Read(Path.Combine(directory, "ewc.json")))
        {
            if (doc is not null)
            {
                foreach (var section in new[] { "chapters", "subchapters" })
                {
                    foreach (var c in doc.RootElement.GetProperty(section).EnumerateArray())
                    {
                        headings[c.GetProperty("code").GetString()!] = Str(c, "label") ?? "";
                    }
                }

                foreach (var e in doc.RootElement.GetProperty("entries").EnumerateArray())
                {
                    entries.Add(new EwcEntry(e.GetProperty("code").GetString()!, Str(e, "label") ?? "", Str(e, "hazard"), Strings(e, "commonNames")));
                }
            }
        }

        var factors = new TransportFactors();
        using (var doc = Read(Path.Combine(directory, "factors.json")))
        {
            if (doc is not null && doc.RootElement.TryGetProperty("transport", out var t))
            {
                factors = new TransportFactors(
                    Num(t, "roadCircuityFactor") ?? factors.Circuity,
                    Num(t, "costEurPerTonneKm") ?? factors.EurPerTonneKm,
                    Num(t, "fixedCostEurPerTonne") ?? factors.FixedEurPerTonne,
                    Num(t, "co2eKgPerTonneKm") ?? factors.Co2eKgPerTonneKm,
                    Num(t, "costEurPerMWhKmPipe") ?? factors.EurPerMWhKmPipe,
                    Num(t, "costEurPerM3KmWaterPipe") ?? factors.EurPerM3KmWaterPipe,
                    Num(t, "typicalExchangeDistanceKm") ?? factors.TypicalExchangeKm,
                    Str(t, "costSource") ?? "", Str(t, "co2eSource") ?? "");
            }
        }

        var nace = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var doc = Read(Path.Combine(directory, "nace.json")))
        {
            if (doc is not null && doc.RootElement.TryGetProperty("items", out var items))
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (Str(item, "code") is { } code && Str(item, "label") is { } label)
                    {
                        nace[code] = label;
                    }
                }
            }
        }

        return new KnowledgeBase(patterns, entries, headings, LoadThesaurus(Path.Combine(directory, "thesaurus.json")), factors, nace);
    }

    /// <summary>
    /// Groups of synonyms. Accepts <c>{ groups: [...] }</c> or a bare array; a group has an <c>id</c>, terms either
    /// as <c>{ "en": [...], "de": [...] }</c> (under <c>terms</c>, <c>labels</c> or <c>synonyms</c>) or as a list of
    /// <c>{ term, lang }</c>, and optional <c>broader</c> (a string or a list).
    /// </summary>
    private static List<ThesaurusGroup> LoadThesaurus(string path)
    {
        using var doc = Read(path);
        if (doc is null)
        {
            return [];
        }

        var root = doc.RootElement;
        var array = root.ValueKind == JsonValueKind.Array ? root
            : root.TryGetProperty("groups", out var g) ? g
            : root.TryGetProperty("concepts", out var c) ? c : default;
        if (array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var groups = new List<ThesaurusGroup>();
        var n = 0;
        foreach (var item in array.EnumerateArray())
        {
            n++;
            var id = Str(item, "id") ?? Str(item, "concept") ?? $"g{n}";
            var terms = new List<(string, string)>();
            foreach (var name in new[] { "terms", "labels", "synonyms" })
            {
                if (!item.TryGetProperty(name, out var t))
                {
                    continue;
                }

                if (t.ValueKind == JsonValueKind.Object)
                {
                    foreach (var lang in t.EnumerateObject())
                    {
                        foreach (var term in lang.Value.ValueKind == JsonValueKind.Array ? lang.Value.EnumerateArray() : Enumerable.Repeat(lang.Value, 1))
                        {
                            if (term.ValueKind == JsonValueKind.String)
                            {
                                terms.Add((TextAnalysis.Normalise(lang.Name), term.GetString()!));
                            }
                        }
                    }
                }
                else if (t.ValueKind == JsonValueKind.Array)
                {
                    foreach (var term in t.EnumerateArray())
                    {
                        if (term.ValueKind == JsonValueKind.String)
                        {
                            terms.Add(("en", term.GetString()!));
                        }
                        else if (term.ValueKind == JsonValueKind.Object && (Str(term, "term") ?? Str(term, "text") ?? Str(term, "label")) is { } text)
                        {
                            terms.Add((TextAnalysis.Normalise(Str(term, "lang") ?? Str(term, "language")), text));
                        }
                    }
                }
            }

            foreach (var lang in TextAnalysis.Languages)
            {
                if (item.TryGetProperty(lang, out var l))
                {
                    foreach (var term in l.ValueKind == JsonValueKind.Array ? l.EnumerateArray() : Enumerable.Repeat(l, 1))
                    {
                        if (term.ValueKind == JsonValueKind.String)
                        {
                            terms.Add((lang, term.GetString()!));
                        }
                    }
                }
            }

            var broader = item.TryGetProperty("broader", out var b)
                ? b.ValueKind == JsonValueKind.String ? [b.GetString()!] : b.ValueKind == JsonValueKind.Array ? [.. b.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)] : new List<string>()
                : [];
            if (terms.Count > 0)
            {
                groups.Add(new ThesaurusGroup(id, terms, broader));
            }
        }

        return groups;
    }

    private static JsonDocument? Read(string path) => File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)) : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];

    internal static JsonSerializerOptions SerializerOptions => Json;
}
