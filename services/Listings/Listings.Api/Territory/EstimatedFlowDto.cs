namespace Marketplace.Listings.Territory;

/// <summary>An estimate as the API shows it: always <c>status: estimated</c>, with its range, basis and source.</summary>
public sealed record EstimatedFlowDto(
    Guid OrganisationId, string? OrganisationName, double? Lat, double? Lon, string Sector, string Stream, string Label,
    string ResourceClass, string Family, string? Chapter, string? ExampleCode, bool Hazardous, string Unit,
    double Low, double Central, double High, string Status, string Basis, string Source);

public sealed record OrganisationEstimatesDto(
    Guid OrganisationId, string? NaceCode, string Country, int? Employees, string? Sector, IReadOnlyList<string> Missing,
    IReadOnlyList<EstimatedFlowDto> Items, string? NextCursor, string Note);

internal static class EstimatedFlowMapping
{
    public static EstimatedFlowDto AsDto(this EstimatedFlow f, string? name, double? lat, double? lon) => new(
        f.OrganisationId, name, lat, lon, f.Sector, f.Stream, f.Label, f.ResourceClass, f.Family, f.Chapter, f.ExampleCode, f.Hazardous,
        f.Unit, f.Low, f.Central, f.High, f.Status, f.Basis, f.Source);

    public const string Note = "Estimated from the organisation's sector and size; not a declared flow. Estimates never enter impact figures or invoices. "
        + "Confirm one by posting it as a listing: a published offer of the same class and List-of-Waste chapter replaces the estimate.";
}
