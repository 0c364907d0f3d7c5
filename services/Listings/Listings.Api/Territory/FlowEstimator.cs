namespace Marketplace.Listings.Territory;

/// <summary>An organisation as the estimator sees it: sector, country and size.</summary>
public sealed record EstimationSubject(Guid OrganisationId, string? NaceCode, string Country, int? Employees);

/// <summary>A published offer of the organisation: what it has declared itself.</summary>
public sealed record DeclaredOffer(string ResourceClass, string? EwcCode);

/// <summary>The operator's own rate for a sector in the territory the organisation lies in.</summary>
public sealed record TerritoryRate(string Territory, PerEmployee Value, string Source);

/// <summary>A yearly flow a facility of the organisation reported to a register, imported by the operator.</summary>
public sealed record ReportedFlow(string ResourceClass, string? EwcCode, bool Hazardous, string Family, string Label, double Quantity, string Unit,
    int Year, string Source);

/// <summary>What the operator knows locally about one organisation: its territory's rate and its facilities' reported flows.</summary>
public sealed record LocalFacts(TerritoryRate? Rate, IReadOnlyList<ReportedFlow> Reported)
{
    public static readonly LocalFacts None = new(null, []);
}

/// <summary>
/// A likely yearly flow of one organisation with its range and source: <c>estimated</c> from sector and size, or
/// <c>reported</c> by the facility to a register (then low, central and high are the reported quantity).
/// </summary>
public sealed record EstimatedFlow(
    Guid OrganisationId,
    string Sector,
    string Stream,
    string Label,
    string ResourceClass,
    string Family,
    string? Chapter,
    string? ExampleCode,
    bool Hazardous,
    string Unit,
    double Low,
    double Central,
    double High,
    string Basis,
    string Source,
    string Status = FlowEstimator.Estimated);

/// <summary>
/// Employees × tonnes per person employed for the sector (the operator's territory value, else the country's, else the
/// sector default) × the stream's share, as a range. Precedence, strongest first: a declared listing (an offer of the
/// same class and List-of-Waste chapter) leaves the stream out; a facility's reported flow replaces the stream's
/// estimate; the estimate fills the rest.
/// </summary>
public static class FlowEstimator
{
    public const string CountryBasis = "country value";
    public const string Estimated = "estimated";
    public const string Reported = "reported";

    public static IReadOnlyList<EstimatedFlow> Estimate(EstimationSubject subject, FlowCoefficients coefficients, IReadOnlyCollection<DeclaredOffer> declared,
        LocalFacts? local = null)
    {
        local ??= LocalFacts.None;
        var sector = coefficients.SectorOf(subject.NaceCode);
        var reported = local.Reported.Where(r => !declared.Any(d => Covers(d, r))).ToList();
        var flows = reported.Select(r => new EstimatedFlow(subject.OrganisationId, sector?.Id ?? Reported, ReportedStream(r), r.Label, r.ResourceClass,
            r.Family, Chapter(r.EwcCode), r.EwcCode, r.Hazardous, r.Unit, r.Quantity, r.Quantity, r.Quantity,
            $"reported by the facility for {r.Year}", r.Source, Reported)).ToList();
        if (subject.Employees is not > 0 || sector is null)
        {
            return flows;
        }

        var (rate, countryValue) = coefficients.RateFor(sector, subject.Country);
        var basis = countryValue ? CountryBasis : coefficients.Basis;
        var source = coefficients.Source;
        if (local.Rate is { } own)
        {
            (rate, basis, source) = (own.Value, $"territory value ({own.Territory})", own.Source);
        }

        var employees = subject.Employees.Value;
        foreach (var stream in sector.Streams)
        {
            if (declared.Any(d => Covers(d, stream)) || reported.Any(r => Covers(new DeclaredOffer(r.ResourceClass, r.EwcCode), stream)))
            {
                continue;
            }

            var perEmployee = stream.PerEmployee ?? Scale(rate, stream.Share ?? 0);
            flows.Add(new EstimatedFlow(subject.OrganisationId, sector.Id, stream.Id, stream.Label, stream.ResourceClass, stream.Family,
                stream.Chapter, stream.ExampleCode, stream.Hazardous, stream.Unit,
                Round(employees * perEmployee.Low), Round(employees * perEmployee.Central), Round(employees * perEmployee.High),
                stream.PerEmployee is null ? basis : coefficients.Basis, stream.PerEmployee is null ? source : coefficients.Source));
        }

        return flows;
    }

    /// <summary>
    /// A declared offer covers a reported flow of the same class and List-of-Waste chapter; a flow without a code (excess
    /// heat, a register's hazardous total) only an offer of its class without a code either.
    /// </summary>
    public static bool Covers(DeclaredOffer offer, ReportedFlow flow) =>
        string.Equals(offer.ResourceClass, flow.ResourceClass, StringComparison.Ordinal) && Chapter(offer.EwcCode) == Chapter(flow.EwcCode);

    private static string ReportedStream(ReportedFlow flow) =>
        "reported-" + (flow.EwcCode is { } code ? new string([.. code.Where(char.IsAsciiDigit)]) : flow.ResourceClass + (flow.Hazardous ? "-hazardous" : ""));

    private static string? Chapter(string? ewcCode) => ewcCode is { Length: >= 2 } code ? code[..2] : null;

    /// <summary>An offer covers a stream when it is of the same class and, for waste streams, of the same List-of-Waste chapter.</summary>
    public static bool Covers(DeclaredOffer offer, StreamProfile stream) =>
        string.Equals(offer.ResourceClass, stream.ResourceClass, StringComparison.Ordinal)
        && (stream.Chapter is null || (offer.EwcCode is { Length: >= 2 } code && code[..2] == stream.Chapter));

    private static PerEmployee Scale(PerEmployee rate, double share) => new(rate.Low * share, rate.Central * share, rate.High * share);

    private static double Round(double value) => value >= 100 ? Math.Round(value) : Math.Round(value, 1);
}
