using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>The signed-in user's organisation, through Identity's API.</summary>
public sealed class OrganisationsApi(HttpClient http, ILogger<OrganisationsApi> log)
{
    /// <summary>The organisation with its sites, or null when the user may not read it (404).</summary>
    public async Task<Organisation?> GetAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations/{organisationId}", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            log.LogInformation("Organisation {Organisation} is not readable for this user ({Status})", organisationId, (int)response.StatusCode);
            return null;
        }

        return await ApiJson.ReadAsync<Organisation>(response, cancellationToken);
    }

    /// <summary>Changes the profile and replaces the sites, guarded by the version read (<c>If-Match</c>): a 412 means someone saved first.</summary>
    public async Task<(Organisation? Saved, ApiProblem? Problem)> UpdateAsync(Guid organisationId, int version, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/v1/organisations/{organisationId}")
        {
            Content = JsonContent.Create(body, options: ApiJson.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<Organisation>(response, cancellationToken);
    }
}

public sealed record Site(Guid Id, string Name, string? Address, string Country, double? Lat, double? Lon)
{
    /// <summary>A site with coordinates can stand for a listing's location.</summary>
    public bool Placed => Lat is not null && Lon is not null;
}

public sealed record Organisation(
    Guid Id, string Name, string Country, string? Address, IReadOnlyList<Site> Sites, string? NaceCode = null, string? VatId = null,
    int? Employees = null, int Version = 0);
