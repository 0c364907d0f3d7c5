using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Marketplace.Listings.Taxonomy;

public sealed record EwcEntry(string Code, string Label, string Hazard, IReadOnlyList<string> Mirror, IReadOnlyList<string> CommonNames)
{
    /// <summary>AH: always hazardous; ANH: never; MH/MNH (mirror entries): the holder must assess and say.</summary>
    public bool IsMirror => Hazard is "MH" or "MNH";
}

public sealed record EwcHeading(string Code, string Label);

public enum EwcCodeKind
{
    Malformed,
    Chapter,
    Subchapter,
    Entry,
}

/// <summary>
/// The European List of Waste (knowledge/ewc.json, embedded at build): lookup by code in any common spelling
/// and ranked free-text suggestions (BM25 over label and common names, with the headings as weak context).
/// </summary>
public sealed class EwcCatalog
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double LabelWeight = 1.0;
    private const double SubchapterWeight = 0.3;
    private const double ChapterWeight = 0.1;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "or", "the", "of", "from", "for", "in", "on", "our", "we", "with", "to", "by", "at", "is", "are",
        "other", "than", "those", "mentioned", "not", "otherwise", "specified", "this", "that", "some", "my", "their", "its",
    };

    private readonly Dictionary<string, EwcEntry> entries;
    private readonly Dictionary<string, EwcHeading> headings;
    private readonly List<(EwcEntry Entry, Dictionary<string, double> Terms, double Length)> documents = [];
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);
    private readonly double averageLength;

    public EwcCatalog(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        headings = new(StringComparer.Ordinal);
        foreach (var section in new[] { "chapters", "subchapters" })
        {
            foreach (var h in root.GetProperty(section).EnumerateArray())
            {
                var heading = new EwcHeading(h.GetProperty("code").GetString()!, h.GetProperty("label").GetString()!);
                headings[Digits(heading.Code)] = heading;
            }
        }

        entries = new(StringComparer.Ordinal);
        foreach (var e in root.GetProperty("entries").EnumerateArray())
        {
            var entry = new EwcEntry(
                e.GetProperty("code").GetString()!,
                e.GetProperty("label").GetString()!,
                e.GetProperty("hazard").GetString()!,
                e.TryGetProperty("mirror", out var m) ? [.. m.EnumerateArray().Select(x => x.GetString()!)] : [],
                e.TryGetProperty("commonNames", out var c) ? [.. c.EnumerateArray().Select(x => x.GetString()!)] : []);
            entries[Digits(entry.Code)] = entry;
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries.Values)
        {
            var digits = Digits(entry.Code);
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            AddTerms(terms, entry.Label, LabelWeight);
            foreach (var name in entry.CommonNames)
            {
                AddTerms(terms, name, LabelWeight);
            }

            if (headings.TryGetValue(digits[..4], out var sub))
            {
                AddTerms(terms, sub.Label, SubchapterWeight);
            }

            if (headings.TryGetValue(digits[..2], out var chapter))
            {
                AddTerms(terms, chapter.Label, ChapterWeight);
            }

            documents.Add((entry, terms, terms.Values.Sum()));
            foreach (var term in terms.Keys)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        averageLength = documents.Average(d => d.Length);
        foreach (var (term, count) in df)
        {
            idf[term] = Math.Log(1 + ((documents.Count - count + 0.5) / (count + 0.5)));
        }
    }

    public static EwcCatalog LoadEmbedded()
    {
        using var stream = typeof(EwcCatalog).Assembly.GetManifestResourceStream("ewc.json")
            ?? throw new InvalidOperationException("The List of Waste (ewc.json) is not embedded in the assembly.");
        return new EwcCatalog(stream) { Thesaurus = EwcThesaurus.LoadEmbedded() };
    }

    /// <summary>Terms in the thesaurus's other five languages; none: English only.</summary>
    public EwcThesaurus? Thesaurus { get; init; }

    public int Count => entries.Count;

    /// <summary>Accepts "030305", "03 03 05", "03 03 05*", "03.03.05"; returns the kind of code and its digits.</summary>
    public static (EwcCodeKind Kind, string Digits, bool Starred) Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (EwcCodeKind.Malformed, "", false);
        }

        var trimmed = code.Trim();
        var starred = trimmed.EndsWith('*');
        var body = starred ? trimmed[..^1] : trimmed;
        if (body.Any(ch => !char.IsAsciiDigit(ch) && ch is not (' ' or '.' or '-')))
        {
            return (EwcCodeKind.Malformed, "", starred);
        }

        var digits = Digits(body);
        return digits.Length switch
        {
            2 => (EwcCodeKind.Chapter, digits, starred),
            4 => (EwcCodeKind.Subchapter, digits, starred),
            6 => (EwcCodeKind.Entry, digits, starred),
            _ => (EwcCodeKind.Malformed, digits, starred),
        };
    }

    public EwcEntry? Find(string digits) => entries.GetValueOrDefault(digits);

    public EwcHeading? FindHeading(string digits) => headings.GetValueOrDefault(digits);

    /// <summary>The first six-digit entry under a chapter or subchapter heading (digits "20" or "2001"), to suggest in its place.</summary>
    public EwcEntry? FirstEntryUnder(string digits) =>
        entries.Where(e => e.Key.StartsWith(digits, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value).FirstOrDefault();

    public static string Format(string digits) =>
        string.Join(' ', Enumerable.Range(0, digits.Length / 2).Select(i => digits.Substring(i * 2, 2)));

    public IReadOnlyList<(EwcEntry Entry, double Score)> Suggest(string query, int limit)
    {
        var digits = Digits(query);
        if (digits.Length >= 2 && query.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '*' or '.'))
        {
            return [.. entries.Where(e => e.Key.StartsWith(digits, StringComparison.Ordinal))
                .OrderBy(e => e.Key, StringComparer.Ordinal).Take(limit).Select(e => (e.Value, 1.0))];
        }

        var (english, cited) = Thesaurus?.Expand(query) ?? ("", new HashSet<string>());
        var terms = Tokenize(query + " " + english).Distinct().Where(idf.ContainsKey).ToList();
        if (terms.Count == 0 && cited.Count == 0)
        {
            return [];
        }

        var scored = new List<(EwcEntry, double)>();
        foreach (var (entry, docTerms, length) in documents)
        {
            var score = 0.0;
            foreach (var term in terms)
            {
                if (docTerms.TryGetValue(term, out var tf))
                {
                    score += idf[term] * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * length / averageLength))));
                }
            }

            if (cited.Contains(Digits(entry.Code)))
            {
                score += 100; // the concept names this entry: it leads, ranked among its peers by the text
            }

            if (score > 0)
            {
                scored.Add((entry, score));
            }
        }

        return [.. scored.OrderByDescending(s => s.Item2).ThenBy(s => s.Item1.Code, StringComparer.Ordinal).Take(limit)];
    }

    private static string Digits(string code) => new([.. code.Where(char.IsAsciiDigit)]);

    private static void AddTerms(Dictionary<string, double> terms, string text, double weight)
    {
        foreach (var term in Tokenize(text))
        {
            terms[term] = terms.GetValueOrDefault(term) + weight;
        }
    }

    /// <summary>Lower-cased, accent-free words without stop words, lightly stemmed; "de-inking" also yields "deink".</summary>
    internal static IEnumerable<string> Tokenize(string text)
    {
        var normalized = RemoveDiacritics(text.ToLowerInvariant());
        foreach (var chunk in normalized.Split([' ', ',', ';', '(', ')', '/', '.', ':', '\'', '"', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = chunk.Split('-', StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts)
            {
                var word = new string([.. part.Where(char.IsLetterOrDigit)]);
                if (word.Length > 1 && !StopWords.Contains(word))
                {
                    yield return Stem(word);
                }
            }

            if (parts.Length > 1)
            {
                yield return Stem(new string([.. string.Concat(parts).Where(char.IsLetterOrDigit)]));
            }
        }
    }

    internal static string Stem(string word)
    {
        if (word.Length <= 3 || word.All(char.IsAsciiDigit))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return word[..^3];
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^2];
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(ch);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
