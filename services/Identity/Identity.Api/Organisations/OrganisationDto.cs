namespace Marketplace.Identity.Organisations;

public sealed record SiteDto(Guid Id, string Name, string? Address, string Country, double? Lat, double? Lon);

public sealed record OrganisationDto(Guid Id, string Name, string Kind, string? NaceCode, string Country, string? Address,
    IReadOnlyList<SiteDto> Sites, int Version, DateTime CreatedAt, DateTime UpdatedAt, string? VatId, int? Employees);

/// <summary>Hand-written mapping between organisation rows and the API's records.</summary>
internal static class OrganisationMapping
{
    public static OrganisationDto AsDto(this Organisation o) => new(o.Id, o.Name, o.Kind, o.NaceCode, o.Country, o.Address,
        [.. o.Sites.Select(s => new SiteDto(s.Id, s.Name, s.Address, s.Country, s.Lat, s.Lon))], o.Version, o.CreatedAt, o.UpdatedAt, o.VatId, o.Employees);

    /// <summary>The organisation's version as an HTTP entity tag.</summary>
    public static string ETag(this Organisation o) => $"\"{o.Version}\"";

    public static Organisation NewOrganisation(RegisterOrganisationRequest request, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        return new Organisation
        {
            Id = id,
            Name = request.Name.Trim(),
            Kind = OrganisationKinds.Company,
            NaceCode = request.NaceCode,
            Country = request.Country,
            Address = request.Address,
            VatId = request.VatId,
            Employees = request.Employees,
            CreatedAt = now,
            UpdatedAt = now,
            Sites = [.. (request.Sites ?? []).Select(s => NewSite(id, s))],
        };
    }

    public static Site NewSite(Guid organisationId, SiteRequest s) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = organisationId, Name = s.Name.Trim(), Address = s.Address, Country = s.Country, Lat = s.Lat, Lon = s.Lon,
    };
}
