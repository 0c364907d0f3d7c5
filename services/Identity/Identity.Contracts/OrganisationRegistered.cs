namespace Marketplace.Identity.Contracts;

/// <summary>Kind is <c>company</c> or <c>operator</c>. Lat/Lon are the first located site; Employees the persons employed.</summary>
public sealed record OrganisationRegistered(Guid OrganisationId, string Name, string Kind, string? NaceCode, string Country,
    string? Address = null, string? VatId = null, int? Employees = null, double? Lat = null, double? Lon = null);
