using System.ComponentModel.DataAnnotations;

namespace Marketplace.Brokerage.Billing;

/// <summary>Section <c>Brokerage:Billing</c>: who bills, VAT rates and payment terms.</summary>
public sealed class BillingOptions
{
    public const string Section = "Brokerage:Billing";

    [Required, RegularExpression("^[A-Z]{2}$")]
    public string OperatorCountry { get; set; } = "DK";

    [Required]
    public string OperatorName { get; set; } = "Symbiosis Marketplace operator";

    public string? OperatorAddress { get; set; }

    public string? OperatorVatId { get; set; }

    [Range(0, 365)]
    public int PaymentTermsDays { get; set; } = 30;

    /// <summary>The plan a contract uses when its terms name none.</summary>
    [Required]
    public string DefaultFeePlanCode { get; set; } = "standard";

    /// <summary>
    /// Standard VAT rates in percent by ISO country code (EU rates as of 2025 by default; configuration adds or
    /// overrides entries, e.g. <c>Brokerage:Billing:VatRates:DK=25</c>).
    /// </summary>
    public Dictionary<string, decimal> VatRates { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AT"] = 20, ["BE"] = 21, ["BG"] = 20, ["CY"] = 19, ["CZ"] = 21, ["DE"] = 19, ["DK"] = 25, ["EE"] = 22,
        ["ES"] = 21, ["FI"] = 25.5m, ["FR"] = 20, ["GR"] = 24, ["HR"] = 25, ["HU"] = 27, ["IE"] = 23, ["IT"] = 22,
        ["LT"] = 21, ["LU"] = 17, ["LV"] = 21, ["MT"] = 18, ["NL"] = 21, ["PL"] = 23, ["PT"] = 23, ["RO"] = 19,
        ["SE"] = 25, ["SI"] = 22, ["SK"] = 23,
    };
}

public readonly record struct VatTreatment(decimal Rate, bool ReverseCharge, string? Note);

/// <summary>
/// VAT on the operator's services to a business (a B2B service: the place of supply is the customer's country).
/// Domestic: the operator's rate. Another EU member state: no VAT, reverse charge. Outside the EU: outside the scope.
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

    public static VatTreatment For(string operatorCountry, string? customerCountry, IReadOnlyDictionary<string, decimal> rates)
    {
        var domesticRate = rates.TryGetValue(operatorCountry, out var r) ? r : 0m;
        if (string.IsNullOrWhiteSpace(customerCountry) || string.Equals(customerCountry, operatorCountry, StringComparison.OrdinalIgnoreCase)
            || customerCountry.Length != 2 || customerCountry == "EU")
        {
            return new VatTreatment(domesticRate, false, null);
        }

        return Eu.Contains(customerCountry) && Eu.Contains(operatorCountry)
            ? new VatTreatment(0m, true, ReverseChargeNote)
            : new VatTreatment(0m, false, OutsideScopeNote);
    }

    public static decimal Amount(decimal net, decimal ratePercent) => Fees.Money.Round(net * ratePercent / 100m);
}
