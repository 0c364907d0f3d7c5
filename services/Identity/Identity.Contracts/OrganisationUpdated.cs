namespace Marketplace.Identity.Contracts;

/// <summary>Lat/Lon are the first located site; Employees the persons employed.</summary>
public sealed record OrganisationUpdated(Guid OrganisationId, string Name, string? NaceCode, string Country,
    string? Address = null, string? VatId = null, int? Employees = null, double? Lat = null, double? Lon = null);
