using System.Collections.Concurrent;

namespace Marketplace.Matching.Knowledge;

/// <summary>Compound splitting against the thesaurus's own vocabulary (<see cref="Compounds"/>).</summary>
public sealed partial class KnowledgeBase
{
    private readonly HashSet<(string Language, string Stem)> knownStems = [];

    private readonly ConcurrentDictionary<(string Language, string Word), string?> fragmentStems = new();

    /// <summary>
    /// The stems of the known terms that the compounds of <paramref name="text"/> are made of (German, Dutch, Danish;
    /// <see cref="Compounds"/>), each compound's parts together, "|" between compounds; empty for other languages. Only
    /// words that are not thesaurus terms themselves are split.
    /// </summary>
    public List<string> CompoundParts(string text, string language)
    {
        var parts = new List<string>();
        if (!Compounds.Languages.Contains(language))
        {
            return parts;
        }

        foreach (var word in TextAnalysis.Words(text).Distinct(StringComparer.Ordinal))
        {
            if (word.Length < Compounds.MinimumLength || (StemOf(word, language) is { } whole && knownStems.Contains((language, whole))))
            {
                continue;
            }

            var split = Compounds.Split(word, language, w => StemOf(w, language), s => knownStems.Contains((language, s)));
            if (split.Count > 0)
            {
                parts.Add("|");
                parts.AddRange(split);
            }
        }

        return parts;
    }

    private string? StemOf(string word, string language) =>
        fragmentStems.Count > 200_000 ? Stem(word, language) : fragmentStems.GetOrAdd((language, word), static k => Stem(k.Word, k.Language));

    private static string? Stem(string word, string language) => TextAnalysis.Stems(word, language) is [var only] ? only : null;
}
