using System.Globalization;

namespace Marketplace.Portal.OperatorConsole;

/// <summary>The operator's "Register a company" form as posted; <see cref="ToRequest"/> makes Identity's JSON body.</summary>
public sealed class RegisterCompanyForm
{
    public string? Name { get; set; }
    public string Country { get; set; } = "DK";
    public string? NaceCode { get; set; }
    public string? Employees { get; set; }
    public string? VatId { get; set; }
    public string? Address { get; set; }
    public string? SiteName { get; set; }
    public string? Lat { get; set; }
    public string? Lon { get; set; }
    public string? AdminEmail { get; set; }
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Blank fields are left out (the API's defaults and rules apply); a number that does not read as one is sent as it
    /// was typed, so the API names the field rather than the portal guessing. A site is sent only when named or placed.
    /// </summary>
    public object ToRequest() => new Dictionary<string, object?>
    {
        ["name"] = Name?.Trim() ?? "",
        ["country"] = Country.Trim().ToUpperInvariant(),
        ["naceCode"] = Blank(NaceCode),
        ["employees"] = Number(Employees),
        ["vatId"] = Blank(VatId)?.Replace(" ", "", StringComparison.Ordinal),
        ["address"] = Blank(Address),
        ["sites"] = Blank(SiteName) is null && Blank(Lat) is null && Blank(Lon) is null
            ? null
            : new[] { new Dictionary<string, object?> { ["name"] = Blank(SiteName) ?? "Main site", ["address"] = Blank(Address), ["country"] = Country.Trim().ToUpperInvariant(), ["lat"] = Number(Lat), ["lon"] = Number(Lon) } },
        ["admin"] = Blank(AdminEmail) is { } email ? new { email } : null,
    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object? Number(string? text) =>
        Blank(text) is not { } value ? null
        : decimal.TryParse(value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : value;
}
