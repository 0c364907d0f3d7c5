namespace Marketplace.Identity.Contracts;

public sealed record OrganisationUpdated(Guid OrganisationId, string Name, string? NaceCode, string Country,
    string? Address = null, string? VatId = null);
