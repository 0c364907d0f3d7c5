using Marketplace.Brokerage.Impact;

namespace Marketplace.Brokerage.Projects;

/// <summary>What the facilitator enters for the worksheet; stored with the project and with each computed worksheet.</summary>
public sealed record FeasibilityInputs(
    decimal MinimumViableScale,
    decimal CapitalCost,
    decimal YearlyOperatingCost,
    decimal YearlyOutputRevenue,
    string SharingKey,
    IReadOnlyDictionary<Guid, decimal>? CustomShares,
    decimal DiscountRate,
    int LifetimeYears,
    string Currency = "EUR");

public sealed record WorksheetParticipant(Guid OrganisationId, string Name, string Role);

/// <summary>One pooled flow: its yearly quantity, road distance to the installation, and the disposal cost it avoids per unit (null: the impact factor's).</summary>
public sealed record WorksheetFlow(Guid OrganisationId, decimal QuantityPerYear, double? DistanceKm, decimal? DisposalCostPerUnit);

public sealed record WorksheetFactors(TransportFactors Transport, MaterialFactor Material);

/// <summary>One number of the worksheet, with the formula that gives it (numbers filled in) and where its inputs come from.</summary>
public sealed record Figure(string Key, decimal? Value, string Unit, string Formula, string Source);

public sealed record ParticipantSheet(Guid OrganisationId, string Name, string Role, IReadOnlyList<Figure> Figures)
{
    public decimal? Value(string key) => Figures.First(f => f.Key == key).Value;
}

public sealed record Sensitivity(string Case, Guid? LeavingOrganisationId, bool Viable, IReadOnlyList<Figure> Figures)
{
    public decimal? Value(string key) => Figures.First(f => f.Key == key).Value;
}

public sealed record Worksheet(string Unit, bool Viable, IReadOnlyList<Figure> Project, IReadOnlyList<ParticipantSheet> Participants,
    Sensitivity? LargestSupplierLeaves, IReadOnlyList<string> Errors)
{
    public decimal? Value(string key) => Project.First(f => f.Key == key).Value;
}
