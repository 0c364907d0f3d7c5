using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplace.Portal.Tests;

/// <summary>
/// Every portal text in every language: the same keys as the English file, none empty, and the same {n} placeholders
/// (a missing {0} would drop a number from the sentence, an extra one would throw when the page formats it).
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string Resources = Path.Combine(Repo.Root, "portal", "Portal", "Resources");

    private static readonly string[] Languages = ["da", "de", "es", "fr", "it", "nl"];

    /// <summary>Every English resource file (<c>Name.resx</c>) with each of the six languages: a new file is tested without being listed.</summary>
    public static TheoryData<string, string> Files
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in Directory.GetFiles(Resources, "*.resx").Select(Path.GetFileNameWithoutExtension).Where(n => !n!.Contains('.', StringComparison.Ordinal)))
            {
                foreach (var language in Languages)
                {
                    data.Add(name!, language);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_translation_has_every_English_key_no_other_none_empty_and_the_same_placeholders(string name, string language)
    {
        var english = Read($"{name}.resx");
        var translated = Read($"{name}.{language}.resx");

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        Assert.Empty(translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        var mismatched = english.Where(e => !Placeholders(e.Value).SetEquals(Placeholders(translated[e.Key])))
            .Select(e => $"{e.Key}: '{e.Value}' / '{translated[e.Key]}'");
        Assert.Empty(mismatched);
    }

    [Fact]
    public void Every_language_file_is_one_of_the_tested_languages()
    {
        var tested = Files.Select(f => $"{f[0]}.{f[1]}.resx").ToHashSet();
        var present = Directory.GetFiles(Resources, "*.*.resx").Select(f => Path.GetFileName(f));
        Assert.All(present, file => Assert.Contains(file, tested));
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
