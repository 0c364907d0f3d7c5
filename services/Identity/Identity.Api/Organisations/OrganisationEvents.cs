using Marketplace.Identity.Contracts;

namespace Marketplace.Identity.Organisations;

/// <summary>The integration events of an organisation, carrying what other services keep of it (Brokerage invoices it).</summary>
internal static class OrganisationEvents
{
    public const string VatIdPattern = "^[A-Z]{2}[0-9A-Z+*]{2,12}$";

    public const string VatIdMessage = "vatId must be a VAT identification number with its country prefix and no spaces, such as DK12345678.";

    public const int MaxEmployees = 1_000_000;

    public static OrganisationRegistered Registered(this Organisation o) =>
        new(o.Id, o.Name, o.Kind, o.NaceCode, o.Country, o.Address, o.VatId, o.Employees, MainSite(o)?.Lat, MainSite(o)?.Lon);

    public static OrganisationUpdated Updated(this Organisation o) =>
        new(o.Id, o.Name, o.NaceCode, o.Country, o.Address, o.VatId, o.Employees, MainSite(o)?.Lat, MainSite(o)?.Lon);

    /// <summary>Where the territory map places the organisation: its first site with coordinates.</summary>
    private static Site? MainSite(Organisation o) => o.Sites.FirstOrDefault(s => s.Lat is not null && s.Lon is not null);
}
