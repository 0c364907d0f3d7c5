using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Marketplace.Matching.Knowledge;

/// <summary>
/// English analysis: Lucene's <see cref="EnglishAnalyzer"/> chain (standard tokenizer, possessives, lower case, stop
/// words, Porter stemmer) with two corrections before the stemmer, because the Porter stemmer folds a by-product's
/// name into a common word of another meaning and pattern terms then "occur" in texts that do not name them:
/// <list type="bullet">
/// <item>American spellings in -ize, -izer, -ization take the British -is- (<c>fertilizer</c> is <c>fertiliser</c>): the
/// stemmer cut them differently, so "fertilization" stemmed to "fertil", as "fertile" does, not to "fertilis";</item>
/// <item><see cref="Overrides"/>: names of residues in -ings keep their own term (<c>turnings</c> is not <c>turned</c>,
/// <c>cuttings</c> not <c>cut</c>, <c>pressings</c> not <c>press</c>), and a few derived words that the stemmer folds into
/// a different word keep theirs (<c>carbonation</c> is not <c>carbon</c>, <c>generic</c> not <c>generation</c>).</item>
/// </list>
/// </summary>
public sealed class EnglishAnalysis : Analyzer
{
    /// <summary>Word → the term it is indexed as (instead of its Porter stem); every inflection listed is one meaning.</summary>
    public static readonly IReadOnlyDictionary<string, string> Overrides = Build(
        // residues named by a noun in -ings: the singular is mostly the verb or the process ("turning", "cutting oil"),
        // so only the plural keeps the name
        ("borings", "borings"), ("casings", "casings"), ("chippings", "chippings"), ("cleanings", "cleanings"),
        ("clippings", "clippings"), ("crushings", "crushings"), ("cuttings", "cuttings"), ("drillings", "drillings"),
        ("dredgings", "dredgings"), ("edgings", "edgings"), ("filings", "filings"), ("fittings", "fittings"),
        ("fleshings", "fleshings"), ("grindings", "grindings"), ("linings", "linings"), ("millings", "millings"),
        ("parings", "parings"), ("peelings", "peelings"), ("planings", "planings"), ("pressings", "pressings"),
        ("purgings", "purgings"), ("scrapings", "scrapings"), ("screenings", "screenings"), ("shavings", "shavings"),
        ("skimmings", "skimmings"), ("sweepings", "sweepings"), ("tailings", "tailings"), ("thinnings", "thinnings"),
        ("trimmings", "trimmings"), ("turnings", "turnings"), ("washings", "washings"),
        // animal bedding is not a fluidised or reed bed
        ("bedding", "bedding"), ("beddings", "bedding"),
        // a plastics compounder is not a compound feed nor a chemical compound
        ("compounding", "compounder"), ("compounder", "compounder"), ("compounders", "compounder"),
        // organic waste is not an organ, nor an organism
        ("organic", "organic"), ("organics", "organic"), ("organism", "organism"), ("organisms", "organism"),
        // carbonating a drink, carbonate rock: not carbon
        ("carbonation", "carbonat"), ("carbonated", "carbonat"), ("carbonating", "carbonat"), ("carbonate", "carbonat"),
        ("carbonates", "carbonat"), ("carbonatation", "carbonat"), ("carbonic", "carbonic"),
        ("hydrogenation", "hydrogenat"), ("hydrogenated", "hydrogenat"), ("oxygenation", "oxygenat"), ("oxygenated", "oxygenat"),
        // power generation is not general, nor generic
        ("general", "general"), ("generally", "general"), ("generic", "generic"), ("generics", "generic"),
        // formation water is not a format
        ("formation", "formation"), ("formations", "formation"));

    private static readonly Regex AmericanIze = new(@"^(\p{L}{3,})iz(e|es|ed|er|ers|ing|ation|ations)$", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly StemmerOverrideFilter.StemmerOverrideMap OverrideMap = BuildMap();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream result = new StandardFilter(LuceneVersion.LUCENE_48, source);
        result = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, result);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new StopFilter(LuceneVersion.LUCENE_48, result, EnglishAnalyzer.DefaultStopSet);
        result = new PatternReplaceFilter(result, AmericanIze, "$1is$2", false);
        result = new StemmerOverrideFilter(result, OverrideMap);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    private static Dictionary<string, string> Build(params (string Word, string Term)[] pairs) =>
        pairs.ToDictionary(p => p.Word, p => p.Term, StringComparer.Ordinal);

    private static StemmerOverrideFilter.StemmerOverrideMap BuildMap()
    {
        var builder = new StemmerOverrideFilter.Builder(false);
        foreach (var (word, term) in Overrides)
        {
            builder.Add(word, term);
        }

        return builder.Build();
    }
}
