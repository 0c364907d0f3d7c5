namespace Marketplace.Brokerage.Billing;

public readonly record struct VatTreatment(decimal Rate, bool ReverseCharge, string? Note);

/// <summary>A party to an invoice as VAT sees it: its country and, when it is VAT-registered, its VAT identification number.</summary>
public readonly record struct VatParty(string? Country, string? VatId)
{
    public bool Registered => !string.IsNullOrWhiteSpace(VatId);
}

/// <summary>
/// VAT on the operator's services (brokerage fees, membership). Domestic: the operator's rate. A customer in another
/// EU member state: reverse charge at 0 % when both are VAT-registered (the place of supply is the customer's,
/// Articles 44 and 196); a customer without a VAT number is not a taxable person as far as the invoice shows, so the
/// place of supply is the operator's and its VAT is charged (Article 45). Outside the EU: outside the scope.
/// An unknown customer country is treated as domestic, so VAT is never left out by accident.
/// </summary>
public static class Vat
{
    private static readonly HashSet<string> Eu = new(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    public const string ReverseChargeNote =
        "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).";

    public const string OutsideScopeNote =
        "Outside the scope of EU VAT: place of supply is the customer's country (Article 44, Council Directive 2006/112/EC).";

    public static VatTreatment For(VatParty seller, VatParty customer, IReadOnlyDictionary<string, decimal> rates)
    {
        var sellerCountry = seller.Country ?? "";
        var domestic = new VatTreatment(rates.TryGetValue(sellerCountry, out var r) ? r : 0m, false, null);
        var country = customer.Country;
        if (string.IsNullOrWhiteSpace(country) || country.Length != 2 || country == "EU"
            || string.Equals(country, sellerCountry, StringComparison.OrdinalIgnoreCase))
        {
            return domestic;
        }

        if (!Eu.Contains(country) || !Eu.Contains(sellerCountry))
        {
            return new VatTreatment(0m, false, OutsideScopeNote);
        }

        return seller.Registered && customer.Registered ? new VatTreatment(0m, true, ReverseChargeNote) : domestic;
    }

    public static decimal Amount(decimal net, decimal ratePercent) => Fees.Money.Round(net * ratePercent / 100m);
}
