namespace Marketplace.Portal.Api;

public sealed record MapDeclaredFlow(Guid ListingId, Guid? OrganisationId, string Kind, string ResourceClass, string? Family, string Title,
    string? EwcCode, bool Hazardous, decimal YearlyAmount, string BaseUnit, double Lat, double Lon);

public sealed record MapEstimatedFlow(Guid OrganisationId, string? OrganisationName, double? Lat, double? Lon, string Label, string ResourceClass,
    string Family, string? Chapter, bool Hazardous, string Unit, double Low, double Central, double High, string Basis, string Source);

public sealed record MapCompany(Guid OrganisationId, string Name, string? NaceCode, int? Employees, double Lat, double Lon, int DeclaredFlows,
    int EstimatedFlows);

public sealed record MapHotSpot(string Kind, string Family, double Lat, double Lon, double RangeKm, IReadOnlyList<Guid> Organisations,
    int OrganisationCount, int DeclaredFlows, int EstimatedFlows, double SupplyQuantity, string Unit);

public sealed record TerritoryFlows(IReadOnlyList<MapDeclaredFlow> Declared, IReadOnlyList<MapEstimatedFlow> Estimated,
    IReadOnlyList<MapCompany> Companies, IReadOnlyList<MapHotSpot> HotSpots, string EstimateSource);

/// <summary>The resource map's data through Listings' public API (<c>GET /api/v1/territory/flows</c>), as the signed-in user may see it.</summary>
public sealed class TerritoryApi(HttpClient http)
{
    /// <summary>Every layer for <paramref name="query"/> (the filters, already a query string); a 400 naming a filter becomes an <see cref="ApiException"/>.</summary>
    public async Task<TerritoryFlows> FlowsAsync(string query, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/territory/flows" + query, cancellationToken);
        return await ApiJson.ReadAsync<TerritoryFlows>(response, cancellationToken);
    }
}
