namespace Marketplace.Matching.Knowledge;

public sealed record SynergyPattern(
    string Id, string Name, string ResourceClass, PatternSide Resource, PatternSide Use,
    double? MinTemperatureC, double? MaxTemperatureC, string Citation)
{
    /// <summary>Analysed resource terms (plus the common names of the pattern's waste codes).</summary>
    public IReadOnlyList<Phrase> ResourcePhrases { get; init; } = [];

    /// <summary>
    /// The pattern's own resource terms, analysed, without its codes' common names: a code lends the names of every
    /// material it gathers (12 01 03: aluminium swarf, brass turnings), which are not all this pattern's resource.
    /// </summary>
    public IReadOnlyList<Phrase> OwnResourcePhrases { get; init; } = [];

    /// <summary>The thesaurus groups of <see cref="OwnResourcePhrases"/>.</summary>
    public IReadOnlySet<string> OwnResourceGroups { get; init; } = new HashSet<string>();

    public IReadOnlyList<Phrase> UsePhrases { get; init; } = [];

    /// <summary>Thesaurus groups the resource and use terms belong to, so a listing in another language still fits.</summary>
    public IReadOnlySet<string> ResourceGroups { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> UseGroups { get; init; } = new HashSet<string>();

    /// <summary>Use and resource groups together: what a want may name.</summary>
    public IReadOnlySet<string> WantGroups { get; init; } = new HashSet<string>();

    /// <summary>
    /// A want fits only when it names the resource (a resource term or a specific resource group), not by its use
    /// terms or sector alone (<c>use.namesResource</c>): a recycler's or refurbisher's use (remelting, refining,
    /// reconditioning, refurbishment) says nothing of which material it takes, so a want for platinum thermocouple wire
    /// would otherwise fit the brass-scrap pattern through "refining" (bench/Matching.Quality/README.md, round eight).
    /// </summary>
    public bool WantNamesResource { get; init; }
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
