using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Listings.Contracts;

namespace Marketplace.Matching.Knowledge;

/// <summary>Reading the shipped files: synergies.json, the List of Waste, the thesaurus, transport factors and NACE labels.</summary>
public sealed partial class KnowledgeBase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

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
                    Str(p, "citation") ?? "")
                {
                    WantNamesResource = p.GetProperty("use").TryGetProperty("namesResource", out var names) && names.ValueKind == JsonValueKind.True,
                });
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
