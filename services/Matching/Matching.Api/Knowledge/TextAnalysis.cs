using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Marketplace.Matching.Knowledge;

/// <summary>
/// Per-language analysis (tokenise, lower-case, stop words, stem) with Lucene's language analyzers (English: its chain
/// with the corrections of <see cref="EnglishAnalysis"/>), and a
/// stop-word language detector for listings that do not say which language they are written in.
/// </summary>
public static class TextAnalysis
{
    public static readonly IReadOnlyList<string> Languages = ["en", "de", "fr", "es", "it", "nl", "da"];

    private static readonly ConcurrentDictionary<string, Analyzer> Analyzers = new();

    // Short, high-frequency function words: enough to tell these six languages apart on a few sentences.
    private static readonly Dictionary<string, HashSet<string>> StopWords = new()
    {
        ["en"] = ["the", "and", "of", "to", "in", "for", "with", "is", "are", "from", "our", "we", "a", "an", "by", "on", "at", "be", "as", "or", "which", "per", "year"],
        ["de"] = ["der", "die", "das", "und", "von", "mit", "für", "fur", "ist", "sind", "aus", "wir", "ein", "eine", "im", "zur", "zum", "den", "dem", "des", "auf", "pro", "jahr", "oder"],
        ["fr"] = ["le", "la", "les", "et", "des", "du", "de", "pour", "avec", "est", "sont", "nous", "une", "un", "dans", "par", "sur", "au", "aux", "ou", "an", "notre"],
        ["es"] = ["el", "la", "los", "las", "y", "de", "del", "para", "con", "es", "son", "una", "un", "en", "por", "al", "o", "año", "ano", "nuestra", "nuestro"],
        ["it"] = ["il", "lo", "la", "gli", "le", "e", "di", "del", "della", "per", "con", "è", "sono", "una", "un", "in", "da", "al", "alla", "o", "anno", "nostro", "nostra"],
        ["nl"] = ["de", "het", "een", "en", "van", "voor", "met", "is", "zijn", "uit", "wij", "we", "in", "op", "per", "jaar", "of", "ons", "onze", "bij"],
        ["da"] = ["og", "af", "til", "på", "vores", "vi", "som", "det", "et", "fra", "med", "hos", "år", "eller", "om", "ikke", "kan", "skal", "vil"],
    };

    // The particle that negates the word after it ("non-ferrous", "no férrica", "nicht gefährlich", "ikke-farligt"). Most
    // of them are stop words, so the analyzer dropped them and "chatarra no férrica" meant ferrous scrap.
    private static readonly Dictionary<string, Regex> Negations = new()
    {
        ["en"] = Negation("non|not"),
        ["de"] = Negation("nicht"),
        ["fr"] = Negation("non"),
        ["es"] = Negation("no"),
        ["it"] = Negation("non"),
        ["nl"] = Negation("niet"),
        ["da"] = Negation("ikke"),
    };

    public static Analyzer AnalyzerFor(string language) => Analyzers.GetOrAdd(Normalise(language), static lang => lang switch
    {
        "de" => new GermanAnalyzer(LuceneVersion.LUCENE_48),
        "fr" => new FrenchAnalyzer(LuceneVersion.LUCENE_48),
        "es" => new SpanishAnalyzer(LuceneVersion.LUCENE_48),
        "it" => new ItalianAnalyzer(LuceneVersion.LUCENE_48),
        "nl" => new DutchAnalyzer(LuceneVersion.LUCENE_48),
        "da" => new DanishAnalyzer(LuceneVersion.LUCENE_48),
        _ => new EnglishAnalysis(),
    });

    public static string Normalise(string? language)
    {
        var lang = (language ?? "en").Trim().ToLowerInvariant();
        if (lang.Length > 2)
        {
            lang = lang[..2];
        }

        return Languages.Contains(lang) ? lang : "en";
    }

    /// <summary>The language with most of its function words in the text; English when nothing stands out.</summary>
    public static string Detect(string text)
    {
        var words = Words(text);
        var best = "en";
        var bestCount = 0;
        foreach (var (lang, stops) in StopWords)
        {
            var count = words.Count(stops.Contains);
            if (count > bestCount || (count == bestCount && lang == "en" && count > 0))
            {
                (best, bestCount) = (lang, count);
            }
        }

        return bestCount >= 2 ? best : "en";
    }

    public static string LanguageOf(string? declared, string text) =>
        string.IsNullOrWhiteSpace(declared) ? Detect(text) : Normalise(declared);

    /// <summary>
    /// The stems of <paramref name="text"/> in order, as the language's analyzer produces them, with a negating particle
    /// joined to the word it negates (<see cref="JoinNegations"/>).
    /// </summary>
    public static List<string> Stems(string text, string language)
    {
        var terms = new List<string>();
        using var stream = AnalyzerFor(language).GetTokenStream("text", JoinNegations(text, language));
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>
    /// "non-ferrous" → "non_ferrous", "no férrica" → "no_férrica": the tokenizer keeps a word joined by "_" whole, so a
    /// negated word becomes a term of its own instead of the word it negates.
    /// </summary>
    public static string JoinNegations(string text, string language) =>
        Negations.TryGetValue(Normalise(language), out var negation) ? negation.Replace(text, "$1_") : text;

    private static Regex Negation(string particles) =>
        new($@"\b({particles})[\s\-]+(?=\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    /// <summary>The lower-case words of a text, split at spaces and punctuation.</summary>
    public static List<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r', ',', '.', ';', ':', '(', ')', '/', '-', '!', '?', '"', '\''], StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>A phrase as a sequence of stems, found in a text when the stems occur next to each other.</summary>
public sealed record Phrase(string Text, string[] Stems)
{
    public bool OccursIn(StemText text) =>
        Stems.Length > 0 && text.Positions.TryGetValue(Stems[0], out var starts) && OccursAt(text, starts);

    /// <summary>As <see cref="OccursIn"/>, given where the first stem occurs (a caller trying many phrases looks it up once).</summary>
    public bool OccursAt(StemText text, List<int> starts)
    {
        foreach (var start in starts)
        {
            var i = 1;
            while (i < Stems.Length && start + i < text.Stems.Count && text.Stems[start + i] == Stems[i])
            {
                i++;
            }

            if (i == Stems.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The phrase's stems all within a few words of each other, in any order, not across a "|" boundary:
    /// "substrate for growing oyster mushrooms" holds "mushroom substrate", "heat for our glasshouses" holds
    /// "glasshouse heating". Only for phrases of two or more stems (a single stem either occurs or not).
    /// </summary>
    public bool OccursNear(StemText text, int slack = 3) =>
        Stems.Length >= 2 && text.Positions.TryGetValue(Stems[0], out var starts) && OccursNearAt(text, starts, slack);

    /// <summary>As <see cref="OccursNear"/>, given where the first stem occurs.</summary>
    public bool OccursNearAt(StemText text, List<int> starts, int slack = 3)
    {
        if (Stems.Length < 2)
        {
            return false;
        }

        var window = Stems.Length + slack;
        foreach (var start in starts)
        {
            var all = true;
            for (var i = 1; i < Stems.Length && all; i++)
            {
                all = text.Positions.TryGetValue(Stems[i], out var at) && at.Any(q => Math.Abs(q - start) < window && !text.Boundary(Math.Min(q, start), Math.Max(q, start)));
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>An analysed text with an index of where each stem occurs.</summary>
/// <remarks>
/// The position index and the term set are built on first use: a candidate decoded for scoring needs only the
/// term set, and building an index it never reads was most of what decoding a candidate allocated.
/// </remarks>
public sealed class StemText(IReadOnlyList<string> stems)
{
    private Dictionary<string, List<int>>? positions;
    private HashSet<string>? terms;

    public IReadOnlyList<string> Stems { get; } = stems;

    /// <summary>Whether a "|" (the boundary between a listing's text and its waste code's names) lies between two positions.</summary>
    public bool Boundary(int from, int to) =>
        Positions.TryGetValue("|", out var bars) && bars.Any(b => b > from && b < to);

    /// <summary>Where each stem occurs.</summary>
    public Dictionary<string, List<int>> Positions => Volatile.Read(ref positions) ?? Publish(ref positions, IndexPositions());

    /// <summary>The distinct stems that say something on their own: longer than two letters, not a number.</summary>
    public IReadOnlySet<string> Terms => Volatile.Read(ref terms) ?? Publish(ref terms, ContentTerms());

    /// <summary>The first value built wins; a racing thread's equal copy is dropped.</summary>
    private static T Publish<T>(ref T? field, T value)
        where T : class => Interlocked.CompareExchange(ref field, value, null) ?? value;

    private Dictionary<string, List<int>> IndexPositions()
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < Stems.Count; i++)
        {
            if (!index.TryGetValue(Stems[i], out var list))
            {
                index[Stems[i]] = list = [];
            }

            list.Add(i);
        }

        return index;
    }

    private HashSet<string> ContentTerms()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stem in Stems)
        {
            if (stem.Length > 2 && !char.IsDigit(stem[0]))
            {
                set.Add(stem);
            }
        }

        return set;
    }
}
