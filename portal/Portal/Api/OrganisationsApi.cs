using System.Net;

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
}

public sealed record Site(Guid Id, string Name, string? Address, string Country, double? Lat, double? Lon)
{
    /// <summary>A site with coordinates can stand for a listing's location.</summary>
    public bool Placed => Lat is not null && Lon is not null;
}

public sealed record Organisation(Guid Id, string Name, string Country, string? Address, IReadOnlyList<Site> Sites);
