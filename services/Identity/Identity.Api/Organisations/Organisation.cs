namespace Marketplace.Identity.Organisations;

public sealed class Organisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary><c>company</c> or <c>operator</c>.</summary>
    public required string Kind { get; set; }
    public string? NaceCode { get; set; }
    public required string Country { get; set; }
    public string? Address { get; set; }
    /// <summary>VAT identification number with its country prefix (DK12345678); invoices need it for the reverse charge.</summary>
    public string? VatId { get; set; }
    /// <summary>Persons employed: the size the estimated flows scale with.</summary>
    public int? Employees { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Raised on every change; the ETag of the resource and the optimistic-concurrency token.</summary>
    public int Version { get; set; } = 1;
    public List<Site> Sites { get; set; } = [];
}

/// <summary>A plant, depot or yard of an organisation: where resources are offered or wanted.</summary>
public sealed class Site
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public required string Country { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
}

public sealed class Membership
{
    public Guid UserId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary><c>member</c>, <c>admin</c>, <c>operator</c> or <c>platform-admin</c>.</summary>
    public required string Role { get; set; }
}

/// <summary>An invitation to join an organisation; the token travels by email and is stored as a SHA-256 hash.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Email { get; set; }
    public required string Role { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid InvitedBy { get; set; }
}

public static class OrganisationKinds
{
    public const string Company = "company";
    public const string Operator = "operator";
}
