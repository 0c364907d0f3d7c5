using System.Text.RegularExpressions;

namespace Marketplace.Listings.Catalogue;

/// <summary>At what price: optional, but complete when given; a negative amount is a gate fee the supplier pays.</summary>
public static partial class ListingRules
{
    public static void CheckPrice(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (x.PriceAmount is null && x.PriceCurrency is null && x.PricePer is null)
        {
            return;
        }

        if (x.PriceAmount is null)
        {
            Error(errors, "price.amount", "price.amount is required when a price is given (negative: a gate fee the supplier pays).");
        }
        else if (Math.Abs(x.PriceAmount.Value) > 1_000_000_000m)
        {
            Error(errors, "price.amount", "price.amount is implausibly large.");
        }

        if (x.PriceCurrency is null || !CurrencyRegex().IsMatch(x.PriceCurrency))
        {
            Error(errors, "price.currency", "price.currency must be an ISO 4217 code such as EUR.");
        }

        if (x.PricePer is null || !(QuantityNormaliser.KnownUnits.Contains(x.PricePer) || QuantityNormaliser.KnownPeriods.Contains(x.PricePer)))
        {
            Error(errors, "price.per", $"price.per must be a unit ({string.Join(", ", QuantityNormaliser.KnownUnits)}) or a period ({string.Join(", ", QuantityNormaliser.KnownPeriods)}).");
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyRegex();
}
