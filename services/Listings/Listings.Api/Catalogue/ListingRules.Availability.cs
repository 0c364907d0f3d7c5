namespace Marketplace.Listings.Catalogue;

/// <summary>When: an availability window that is not inverted, and for a new listing not already over.</summary>
public static partial class ListingRules
{
    public static void CheckAvailability(ListingInput x, DateOnly today, bool creating, Dictionary<string, string[]> errors)
    {
        if (x.AvailableFrom is { } from && x.AvailableUntil is { } until && until < from)
        {
            Error(errors, "availableUntil", "availableUntil must not be before availableFrom.");
        }

        if (creating && x.AvailableUntil is { } end && end < today)
        {
            Error(errors, "availableUntil", "availableUntil is in the past.");
        }
    }
}
