using Marketplace.Listings.Contracts;

namespace Marketplace.Portal.Components.Pages.Listings;

/// <summary>What a company may change on a listing in the portal; <see cref="ToPatch"/> makes the JSON merge patch.</summary>
public sealed class EditListingForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Amount { get; set; }
    public string Unit { get; set; } = Units.Tonne;
    public string Per { get; set; } = "month";
    public string? AvailableFrom { get; set; }
    public string? AvailableUntil { get; set; }

    /// <summary>The version the user saw, sent as If-Match: an edit made meanwhile elsewhere is refused, not overwritten.</summary>
    public int Version { get; set; }

    /// <summary>A status change: <c>pause</c>, <c>publish</c> (resume) or <c>close</c>; with <see cref="CloseReason"/> for close.</summary>
    public string? Action { get; set; }
    public string CloseReason { get; set; } = "fulfilled";

    public static EditListingForm From(Api.Listing listing) => new()
    {
        Title = listing.Title, Description = listing.Description, Amount = listing.Quantity.Amount.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
        Unit = listing.Quantity.Unit, Per = listing.Quantity.Per, AvailableFrom = listing.AvailableFrom, AvailableUntil = listing.AvailableUntil,
        Version = listing.Version,
    };

    public object ToPatch() => new
    {
        title = Title?.Trim() ?? "",
        description = Description?.Trim() ?? "",
        quantity = new { amount = ListingForm.Number(Amount), unit = Unit, per = Per },
        availableFrom = string.IsNullOrWhiteSpace(AvailableFrom) ? null : AvailableFrom,
        availableUntil = string.IsNullOrWhiteSpace(AvailableUntil) ? null : AvailableUntil,
    };
}
