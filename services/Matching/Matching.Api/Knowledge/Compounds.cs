namespace Marketplace.Matching.Knowledge;

/// <summary>
/// Splits the closed compounds of German, Dutch and Danish into known terms ("Buchenholzasche" → "buchenholz" +
/// "asche", "houtsnippers" → "hout" + "snippers", "træflis" → "træ" + "flis"), so that a compound the thesaurus does not
/// list still names its concepts. A split is accepted only when every part is a known stem (<paramref name="known"/>:
/// the stems of the thesaurus terms in that language), with the language's linking elements between parts
/// (Fugenelemente: Holz-s-, Abfall-s-; tussenklanken: -s-, -en-; Danish -s-, -e-). The head (last part) is at least four
/// letters and each part at least three, so short words do not split into noise. When no split into known parts
/// exists, a known head of five letters or more stands alone: the head of a Germanic compound says what it is
/// ("Buchenholzasche" is wood ash whatever "Buchen" is).
/// </summary>
public static class Compounds
{
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "de", "nl", "da" };

    private static readonly Dictionary<string, string[]> Links = new(StringComparer.Ordinal)
    {
        ["de"] = ["", "s", "es", "n", "en", "e", "er"],
        ["nl"] = ["", "s", "en", "e"],
        ["da"] = ["", "s", "e"],
    };

    /// <summary>The shortest word worth splitting.</summary>
    public const int MinimumLength = 7;

    /// <summary>
    /// The known stems <paramref name="word"/> (lower-case) is made of, first to last, or empty when it is not a
    /// compound of known terms. <paramref name="stem"/> stems a fragment in the language (null when it is a stop word);
    /// <paramref name="alone"/> lets a known head stand without its modifier (not inside a modifier: "buchenholz" in
    /// "buchenholzasche" must split whole or not at all).
    /// </summary>
    public static IReadOnlyList<string> Split(string word, string language, Func<string, string?> stem, Func<string, bool> known, int depth = 3, bool alone = true)
    {
        if (depth == 0 || word.Length < MinimumLength || !Links.TryGetValue(language, out var links))
        {
            return [];
        }

        // the longest known head first: "schlammasche" before "asche" would be wrong only when "schlammasche" is a term itself
        string? lone = null;
        for (var cut = 3; cut <= word.Length - 4; cut++)
        {
            var head = stem(word[cut..]);
            if (head is null || !known(head))
            {
                continue;
            }

            if (lone is null && word.Length - cut >= 5)
            {
                lone = head;
            }

            foreach (var link in links)
            {
                var left = word[..cut];
                if (!left.EndsWith(link, StringComparison.Ordinal) || left.Length - link.Length < 3)
                {
                    continue;
                }

                var modifier = left[..^link.Length];
                if (stem(modifier) is { } whole && known(whole))
                {
                    return [whole, head];
                }

                if (Split(modifier, language, stem, known, depth - 1, alone: false) is { Count: > 0 } parts)
                {
                    return [.. parts, head];
                }
            }
        }

        return alone && lone is not null ? [lone] : [];
    }
}
