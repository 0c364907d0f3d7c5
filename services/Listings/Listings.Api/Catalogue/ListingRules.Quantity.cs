namespace Marketplace.Listings.Catalogue;

/// <summary>How much: an amount in a known unit per a known period, normalised to a yearly amount in the base unit.</summary>
public static partial class ListingRules
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static (decimal YearlyAmount, string BaseUnit) CheckQuantity(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (x.Amount is null)
        {
            Error(errors, "quantity.amount", "quantity.amount is required.");
        }
        else if (x.Amount <= 0)
        {
            Error(errors, "quantity.amount", "quantity.amount must be greater than zero.");
        }
        else if (x.Amount > MaxAmount)
        {
            Error(errors, "quantity.amount", "quantity.amount is implausibly large.");
        }

        if (x.Unit is null || !QuantityNormaliser.KnownUnits.Contains(x.Unit))
        {
            Error(errors, "quantity.unit", $"quantity.unit must be one of: {string.Join(", ", QuantityNormaliser.KnownUnits)}.");
        }

        if (x.Per is null || !QuantityNormaliser.KnownPeriods.Contains(x.Per))
        {
            Error(errors, "quantity.per", $"quantity.per must be one of: {string.Join(", ", QuantityNormaliser.KnownPeriods)}.");
        }

        decimal yearly = 0;
        var baseUnit = "";
        if (x.Amount is > 0 and <= MaxAmount && x.Unit is not null && x.Per is not null)
        {
            QuantityNormaliser.TryNormalise(x.Amount.Value, x.Unit, x.Per, out yearly, out baseUnit);
        }

        return (yearly, baseUnit);
    }
}
