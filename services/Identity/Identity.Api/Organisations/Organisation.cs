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
    public DateTime CreatedAt { get; set; }
}

public sealed class Membership
{
    public Guid UserId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary><c>member</c>, <c>admin</c>, <c>operator</c> or <c>platform-admin</c>.</summary>
    public required string Role { get; set; }
}

public static class OrganisationKinds
{
    public const string Company = "company";
    public const string Operator = "operator";
}
