namespace Marketplace.Portal.Api;

public sealed record MapDeclaredFlow(Guid ListingId, Guid? OrganisationId, string Kind, string ResourceClass, string? Family, string Title,
    string? EwcCode, bool Hazardous, decimal YearlyAmount, string BaseUnit, double Lat, double Lon);

public sealed record MapEstimatedFlow(Guid OrganisationId, string? OrganisationName, double? Lat, double? Lon, string Label, string ResourceClass,
    string Family, string? Chapter, bool Hazardous, string Unit, double Low, double Central, double High, string Basis, string Source,
    string Status = "estimated")
{
    /// <summary>Reported by the facility to a register (imported by the operator), not estimated.</summary>
    public bool Reported => Status == "reported";
}

public sealed record MapCompany(Guid OrganisationId, string Name, string? NaceCode, int? Employees, double Lat, double Lon, int DeclaredFlows,
    int EstimatedFlows);

public sealed record MapHotSpot(string Kind, string Family, double Lat, double Lon, double RangeKm, IReadOnlyList<Guid> Organisations,
    int OrganisationCount, int DeclaredFlows, int EstimatedFlows, double SupplyQuantity, string Unit);

public sealed record MapExchange(Guid MatchId, Guid OfferListingId, Guid WantListingId, Guid OfferOrganisationId, Guid WantOrganisationId, string Title,
    string ResourceClass, string? Family, decimal YearlyAmount, string BaseUnit, double FromLat, double FromLon, double ToLat, double ToLon);

/// <summary>Many points of one layer in one grid cell, sent instead of the points when the view holds too many.</summary>
public sealed record MapCluster(string Layer, double Lat, double Lon, int Count, double MinLat, double MinLon, double MaxLat, double MaxLon);

public sealed record TerritoryFlows(IReadOnlyList<MapDeclaredFlow> Declared, IReadOnlyList<MapEstimatedFlow> Estimated,
    IReadOnlyList<MapCompany> Companies, IReadOnlyList<MapHotSpot> HotSpots, IReadOnlyList<MapExchange> Exchanges, IReadOnlyList<MapCluster>? Clusters,
    string EstimateSource)
{
    /// <summary>Whether a layer came as clusters (too many points for the view).</summary>
    public bool Clustered(string layer) => Clusters?.Any(c => c.Layer == layer) == true;
}

public sealed record AreaBox(double MinLon, double MinLat, double MaxLon, double MaxLat);

public sealed record TerritoryArea(Guid Id, string Name, AreaBox Bbox, int Positions, int Version, DateTimeOffset UpdatedAt, string UpdatedBy,
    System.Text.Json.JsonElement Boundary);

public sealed record TerritoryPage(IReadOnlyList<TerritoryArea> Items, string? NextCursor);

public sealed record PerEmployee(double Low, double Central, double High);

public sealed record TerritoryRate(Guid TerritoryId, string SectorId, double Low, double Central, double High, string Source, DateTimeOffset UpdatedAt,
    string UpdatedBy);

public sealed record SectorCoefficients(string Id, string Label, IReadOnlyList<string> Divisions, PerEmployee PerEmployee,
    IReadOnlyDictionary<string, PerEmployee> Countries, TerritoryRate? Territory);

public sealed record CoefficientTable(string Source, string Basis, Guid? TerritoryId, int DivisionsCovered, IReadOnlyList<SectorCoefficients> Sectors);

public sealed record FactReportRow(int Line, string? FacilityName, Guid? OrganisationId, string Result, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record FactReport(int Total, int Created, int Updated, int Unchanged, int Unmatched, int Rejected, IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<FactReportRow> Rows, bool DryRun);

/// <summary>The resource map's data through Listings' public API (<c>GET /api/v1/territory/flows</c>), as the signed-in user may see it.</summary>
public sealed class TerritoryApi(HttpClient http)
{
    /// <summary>Every layer for <paramref name="query"/> (the filters, already a query string); a 400 naming a filter becomes an <see cref="ApiException"/>.</summary>
    public async Task<TerritoryFlows> FlowsAsync(string query, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/territory/flows" + query, cancellationToken);
        return await ApiJson.ReadAsync<TerritoryFlows>(response, cancellationToken);
    }

    /// <summary>The operator's territories with their boundaries (one page of 100: a programme serves a handful).</summary>
    public async Task<IReadOnlyList<TerritoryArea>> TerritoriesAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/territories?limit=100", cancellationToken);
        return (await ApiJson.ReadAsync<TerritoryPage>(response, cancellationToken)).Items;
    }

    public async Task<TerritoryArea> TerritoryAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/territories/{id}", cancellationToken);
        return await ApiJson.ReadAsync<TerritoryArea>(response, cancellationToken);
    }

    public async Task<CoefficientTable> CoefficientsAsync(Guid territoryId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/estimate-coefficients?territoryId={territoryId}", cancellationToken);
        return await ApiJson.ReadAsync<CoefficientTable>(response, cancellationToken);
    }

    /// <summary>Creates or replaces a territory; null when done, else the API's refusal (a boundary that is not an area names why).</summary>
    public Task<ApiProblem?> PutTerritoryAsync(Guid id, string name, System.Text.Json.JsonElement boundary, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"api/v1/territories/{id}", new { name, boundary }, cancellationToken);

    public Task<ApiProblem?> DeleteTerritoryAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"api/v1/territories/{id}", null, cancellationToken);

    public Task<ApiProblem?> SetRateAsync(Guid id, string sectorId, double low, double central, double high, string source, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"api/v1/territories/{id}/coefficients/{Uri.EscapeDataString(sectorId)}", new { low, central, high, source }, cancellationToken);

    public Task<ApiProblem?> RemoveRateAsync(Guid id, string sectorId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"api/v1/territories/{id}/coefficients/{Uri.EscapeDataString(sectorId)}", null, cancellationToken);

    /// <summary>A facility-facts CSV, checked (<paramref name="dryRun"/>) or imported under <paramref name="idempotencyKey"/>.</summary>
    public async Task<(FactReport? Report, ApiProblem? Problem)> ImportFactsAsync(byte[] csv, string source, bool dryRun, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var query = $"api/v1/facility-facts/import?dryRun={(dryRun ? "true" : "false")}&source={Uri.EscapeDataString(source)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, query) { Content = new ByteArrayContent(csv) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<FactReport>(response, cancellationToken);
    }

    private async Task<ApiProblem?> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body, options: ApiJson.Options);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}
