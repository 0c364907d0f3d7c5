namespace Marketplace.Identity.Contracts;

/// <summary>Kind is <c>company</c> or <c>operator</c>.</summary>
public sealed record OrganisationRegistered(Guid OrganisationId, string Name, string Kind, string? NaceCode, string Country,
    string? Address = null, string? VatId = null);
