using System.Globalization;
using Marketplace.Listings.Contracts;

namespace Marketplace.Matching.Knowledge;

/// <summary>The pieces of a pattern fit: waste-code, phrase, thesaurus and sector evidence, each as a miss factor.</summary>
/// <remarks>A rebuild computes about a hundred of these per listing: loops over lists, no closures, LINQ sorts or substrings.</remarks>
public sealed partial class Annotator
{
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

        return p.Resource.Ewc.Any(e => SameHeading(e, ewc) && KnowledgeBase.IsCatchAll(e)) ? 0.4 : 0.1;
    }

    private static bool SameSubChapter(IReadOnlyList<string> codes, string ewc)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (SameHeading(codes[i], ewc))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two List of Waste codes under one sub-chapter heading (their first five characters, "10 01").</summary>
    private static bool SameHeading(string code, string ewc) => code.Length >= 5 && code.AsSpan(0, 5).SequenceEqual(ewc.AsSpan(0, 5));

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
        var miss = 1 - (each * one.Weight);
        return second is { } other ? miss * (1 - (each * other.Weight)) : miss;
    }

    private static bool Before((string Group, double Weight) a, (string Group, double Weight) b) =>
        a.Weight > b.Weight || (a.Weight == b.Weight && string.CompareOrdinal(a.Group, b.Group) < 0);

    private static bool AnySpecificGroup(IReadOnlySet<string> patternGroups, IReadOnlySet<string> groups, KnowledgeBase? knowledge)
    {
        foreach (var g in patternGroups)
        {
            if (groups.Contains(g) && (knowledge?.IsSpecific(g) ?? true))
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
}
