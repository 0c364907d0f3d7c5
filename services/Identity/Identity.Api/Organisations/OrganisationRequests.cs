using System.ComponentModel.DataAnnotations;

namespace Marketplace.Identity.Organisations;

public sealed record SiteRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: StringLength(300)] string? Address,
    [property: Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "country must be an ISO 3166-1 alpha-2 code such as DK.")] string Country,
    [property: Range(-90, 90)] double? Lat,
    [property: Range(-180, 180)] double? Lon);

public sealed record FirstAdminRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email);

public sealed record RegisterOrganisationRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    [property: RegularExpression(@"^\d{2}(\.\d{1,2})?$", ErrorMessage = "naceCode must be a NACE Rev. 2 code such as 23.51.")] string? NaceCode,
    [property: Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "country must be an ISO 3166-1 alpha-2 code such as DK.")] string Country,
    [property: StringLength(300)] string? Address,
    [property: MaxLength(50)] SiteRequest[]? Sites = null,
    FirstAdminRequest? Admin = null,
    [property: RegularExpression(OrganisationEvents.VatIdPattern, ErrorMessage = OrganisationEvents.VatIdMessage)] string? VatId = null,
    [property: Range(0, OrganisationEvents.MaxEmployees)] int? Employees = null);

/// <summary>Fields left out (null) keep their value; <c>sites</c>, when given, replaces the list.</summary>
public sealed record UpdateOrganisationRequest(
    [property: StringLength(200, MinimumLength = 2)] string? Name,
    [property: RegularExpression(@"^\d{2}(\.\d{1,2})?$", ErrorMessage = "naceCode must be a NACE Rev. 2 code such as 23.51.")] string? NaceCode,
    [property: RegularExpression("^[A-Z]{2}$", ErrorMessage = "country must be an ISO 3166-1 alpha-2 code such as DK.")] string? Country,
    [property: StringLength(300)] string? Address,
    [property: MaxLength(50)] SiteRequest[]? Sites,
    [property: RegularExpression(OrganisationEvents.VatIdPattern, ErrorMessage = OrganisationEvents.VatIdMessage)] string? VatId = null,
    [property: Range(0, OrganisationEvents.MaxEmployees)] int? Employees = null);
