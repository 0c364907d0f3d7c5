namespace Marketplace.Brokerage.Organisations;

/// <summary>What Brokerage knows of an organisation from Identity's events: enough to address an invoice and decide VAT.</summary>
public sealed class KnownOrganisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Country { get; set; }
    public string Kind { get; set; } = "company";
    public string? Address { get; set; }
    public string? VatId { get; set; }
    public DateTime UpdatedAt { get; set; }
}
