using Marketplace.Listings.Taxonomy;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// The rules of a listing as pure functions of a <see cref="ListingInput"/>, one file per section. Errors are
/// keyed by the JSON path of the field; the first error for a field wins, and the sections run in this order.
/// </summary>
public static partial class ListingRules
{
    public static ListingInput.Normalised? Validate(
        ListingInput x, EwcCatalog catalog, DateOnly today, bool creating, Dictionary<string, string[]> errors)
    {
        CheckKindAndClass(x, creating, errors);
        CheckText(x, errors);
        CheckAttributes(x, errors);
        CheckClassDetails(x, errors);
        var (ewc, hazardous) = CheckWasteCode(x, catalog, errors);
        CheckAcceptsHazardous(x, errors);
        var (yearly, baseUnit) = CheckQuantity(x, errors);
        CheckLocation(x, errors);
        CheckAvailability(x, today, creating, errors);
        CheckPrice(x, errors);
        CheckVisibility(x, errors);
        CheckExternalRef(x, errors);
        return errors.Count > 0 ? null : new ListingInput.Normalised(ewc, hazardous, yearly, baseUnit);
    }

    private static void Error(Dictionary<string, string[]> errors, string field, string message) => errors.TryAdd(field, [message]);
}
