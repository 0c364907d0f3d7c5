using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Portal;

/// <summary>The deal page's texts: <c>Resources/DealTexts.resx</c> (English), read through <c>IStringLocalizer&lt;DealTexts&gt;</c>.</summary>
public sealed class DealTexts
{
    /// <summary>A price per unit in words: a positive price the buyer pays, a negative one a gate fee the supplier pays, zero free of charge.</summary>
    public static string Price(IStringLocalizer<DealTexts> texts, decimal perUnit, string currency, string unit) => perUnit switch
    {
        > 0 => texts["PricePaid", perUnit.ToString("#,0.00", CultureInfo.CurrentCulture), currency, unit],
        < 0 => texts["GateFee", (-perUnit).ToString("#,0.00", CultureInfo.CurrentCulture), currency, unit],
        _ => texts["FreeOfCharge"],
    };
}
