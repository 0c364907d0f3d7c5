using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Listings.Taxonomy;

/// <summary>
/// Waste-code suggestion in the six languages of <c>knowledge/thesaurus.json</c>: a German, French, Spanish, Italian or
/// Dutch term found in the query ("Altöl", "huile usagée") adds its concept's English terms to the query, and the
/// List of Waste codes the concept cites in its source ("13 02 05, 13 02 08") are ranked first.
/// </summary>
public sealed partial class EwcThesaurus
{
    private readonly List<(string[] Phrase, string English, IReadOnlyList<string> Codes)> phrases = [];

    public EwcThesaurus(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var group in document.RootElement.GetProperty("groups").EnumerateArray())
        {
            var terms = group.GetProperty("terms");
            var english = terms.TryGetProperty("en", out var en) ? string.Join(' ', en.EnumerateArray().Select(t => t.GetString())) : "";
            var source = group.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "";
            IReadOnlyList<string> codes = source.Contains("List of Waste", StringComparison.Ordinal)
                ? [.. Code().Matches(source).Select(m => m.Value.Replace(" ", "", StringComparison.Ordinal))]
                : [];
            foreach (var language in terms.EnumerateObject().Where(l => l.Name != "en"))
            {
                foreach (var term in language.Value.EnumerateArray())
                {
                    var phrase = EwcCatalog.Tokenize(term.GetString() ?? "").ToArray();
                    if (phrase.Length > 0)
                    {
                        phrases.Add((phrase, english, codes));
                    }
                }
            }
        }
    }

    public static EwcThesaurus LoadEmbedded()
    {
        using var stream = typeof(EwcThesaurus).Assembly.GetManifestResourceStream("thesaurus.json")
            ?? throw new InvalidOperationException("The thesaurus (thesaurus.json) is not embedded in the assembly.");
        return new EwcThesaurus(stream);
    }

    /// <summary>The English terms and cited codes of every concept whose foreign-language term the query contains.</summary>
    public (string English, IReadOnlySet<string> Codes) Expand(string query)
    {
        var tokens = EwcCatalog.Tokenize(query).ToArray();
        var english = new List<string>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, en, cited) in phrases)
        {
            if (Contains(tokens, phrase) && !english.Contains(en))
            {
                english.Add(en);
                codes.UnionWith(cited);
            }
        }

        return (string.Join(' ', english), codes);
    }

    private static bool Contains(string[] tokens, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= tokens.Length; start++)
        {
            if (tokens.AsSpan(start, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b\d{2} \d{2} \d{2}\b")]
    private static partial Regex Code();
}
