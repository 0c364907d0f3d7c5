namespace Marketplace.Listings.Territory;

/// <summary>An organisation as the estimator sees it: sector, country and size.</summary>
public sealed record EstimationSubject(Guid OrganisationId, string? NaceCode, string Country, int? Employees);

/// <summary>A published offer of the organisation: what it has declared itself.</summary>
public sealed record DeclaredOffer(string ResourceClass, string? EwcCode);

/// <summary>A likely yearly flow of one organisation, always labelled estimated, with its range and source.</summary>
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
    string Source)
{
    public string Status => "estimated";
}

/// <summary>
/// Employees × tonnes per person employed for the sector (and country, where known) × the stream's share, as a range.
/// A stream the organisation has declared itself (an offer of the same class and List-of-Waste chapter) is left out:
/// declared listings override estimates.
/// </summary>
public static class FlowEstimator
{
    public const string CountryBasis = "country value";

    public static IReadOnlyList<EstimatedFlow> Estimate(EstimationSubject subject, FlowCoefficients coefficients, IReadOnlyCollection<DeclaredOffer> declared)
    {
        if (subject.Employees is not > 0 || coefficients.SectorOf(subject.NaceCode) is not { } sector)
        {
            return [];
        }

        var (rate, countryValue) = coefficients.RateFor(sector, subject.Country);
        var basis = countryValue ? CountryBasis : coefficients.Basis;
        var employees = subject.Employees.Value;
        var flows = new List<EstimatedFlow>(sector.Streams.Count);
        foreach (var stream in sector.Streams)
        {
            if (declared.Any(d => Covers(d, stream)))
            {
                continue;
            }

            var perEmployee = stream.PerEmployee ?? Scale(rate, stream.Share ?? 0);
            flows.Add(new EstimatedFlow(subject.OrganisationId, sector.Id, stream.Id, stream.Label, stream.ResourceClass, stream.Family,
                stream.Chapter, stream.ExampleCode, stream.Hazardous, stream.Unit,
                Round(employees * perEmployee.Low), Round(employees * perEmployee.Central), Round(employees * perEmployee.High),
                stream.PerEmployee is null ? basis : coefficients.Basis, coefficients.Source));
        }

        return flows;
    }

    /// <summary>An offer covers a stream when it is of the same class and, for waste streams, of the same List-of-Waste chapter.</summary>
    public static bool Covers(DeclaredOffer offer, StreamProfile stream) =>
        string.Equals(offer.ResourceClass, stream.ResourceClass, StringComparison.Ordinal)
        && (stream.Chapter is null || (offer.EwcCode is { Length: >= 2 } code && code[..2] == stream.Chapter));

    private static PerEmployee Scale(PerEmployee rate, double share) => new(rate.Low * share, rate.Central * share, rate.High * share);

    private static double Round(double value) => value >= 100 ? Math.Round(value) : Math.Round(value, 1);
}
