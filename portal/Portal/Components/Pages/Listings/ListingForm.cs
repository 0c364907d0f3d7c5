using System.Globalization;
using Marketplace.Listings.Contracts;

namespace Marketplace.Portal.Components.Pages.Listings;

/// <summary>The "Post a listing" form as posted by the browser; <see cref="ToRequest"/> makes the API's JSON body.</summary>
public sealed class ListingForm
{
    public string Kind { get; set; } = ListingKinds.Offer;
    public string ResourceClass { get; set; } = ResourceClasses.Material;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? EwcCode { get; set; }
    public string? Amount { get; set; }
    public string Unit { get; set; } = Units.Tonne;
    public string Per { get; set; } = "month";
    public string? Address { get; set; }
    public string Country { get; set; } = "DK";
    public string? Lat { get; set; }
    public string? Lon { get; set; }
    public string? AvailableFrom { get; set; }
    public string? AvailableUntil { get; set; }

    /// <summary>The company an operator enters the listing for; null posts for the user's own organisation.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>Which button was pressed: <c>suggest</c> (waste codes) or <c>post</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Made when the form is first shown, so a repeated submit cannot post the listing twice.</summary>
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>What the waste-code suggestion reads: the title and description the user wrote.</summary>
    public string WasteText => $"{Title} {Description}".Trim();

    /// <summary>
    /// Numbers go as numbers when they read as numbers (either decimal separator); otherwise as typed, so the API's
    /// own message names the field. Empty optional fields are left out.
    /// </summary>
    public object ToRequest() => new
    {
        organisationId = OrganisationId,
        kind = Kind,
        resourceClass = ResourceClass,
        title = Title?.Trim() ?? "",
        description = Blank(Description),
        ewcCode = Blank(EwcCode),
        quantity = new { amount = Number(Amount), unit = Unit, per = Per },
        location = new { lat = Number(Lat), lon = Number(Lon), country = Country, address = Blank(Address) },
        availableFrom = Blank(AvailableFrom),
        availableUntil = Blank(AvailableUntil),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static object? Number(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : value.Trim();
    }
}
