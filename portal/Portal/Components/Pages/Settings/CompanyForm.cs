using System.Globalization;
using Marketplace.Portal.Api;

namespace Marketplace.Portal.Components.Pages.Settings;

/// <summary>The company profile form as posted: the profile, the sites (each may be removed) and one new site; <see cref="ToRequest"/> makes the PATCH body.</summary>
public sealed class CompanyForm
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Country { get; set; }
    public string? NaceCode { get; set; }
    public string? VatId { get; set; }
    public string? Employees { get; set; }
    public List<SiteForm> Sites { get; set; } = [];
    public SiteForm NewSite { get; set; } = new();

    public static CompanyForm From(Organisation o) => new()
    {
        Version = o.Version, Name = o.Name, Address = o.Address, Country = o.Country, NaceCode = o.NaceCode, VatId = o.VatId,
        Employees = o.Employees?.ToString(CultureInfo.InvariantCulture),
        Sites = [.. o.Sites.Select(s => new SiteForm
        {
            Name = s.Name, Address = s.Address, Country = s.Country,
            Lat = s.Lat?.ToString(CultureInfo.InvariantCulture), Lon = s.Lon?.ToString(CultureInfo.InvariantCulture),
        })],
    };

    /// <summary>
    /// The sites kept, then the new one when it has a name. Their positions are the API's <c>sites[i]</c>, which
    /// <see cref="SiteIndex"/> maps back to the form's rows for the error messages.
    /// </summary>
    public object ToRequest() => new
    {
        name = Blank(Name), address = Blank(Address), country = Blank(Country)?.ToUpperInvariant(), naceCode = Blank(NaceCode),
        vatId = Blank(VatId), employees = Whole(Employees),
        sites = Kept().Select(s => new { name = s.Name?.Trim() ?? "", address = Blank(s.Address), country = Blank(s.Country)?.ToUpperInvariant() ?? "", lat = Number(s.Lat), lon = Number(s.Lon) }).ToArray(),
    };

    /// <summary>The API's index of a form row (<c>-1</c>: the new site), or null for a removed row.</summary>
    public int? SiteIndex(int row)
    {
        var kept = Kept().ToList();
        var site = row < 0 ? NewSite : Sites[row];
        var index = kept.IndexOf(site);
        return index < 0 ? null : index;
    }

    private IEnumerable<SiteForm> Kept() =>
        Sites.Where(s => !s.Remove).Concat(string.IsNullOrWhiteSpace(NewSite.Name) ? [] : [NewSite]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Whole(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static double? Number(string? value) =>
        double.TryParse(value?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}

public sealed class SiteForm
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Country { get; set; } = "DK";
    public string? Lat { get; set; }
    public string? Lon { get; set; }
    public bool Remove { get; set; }
}
