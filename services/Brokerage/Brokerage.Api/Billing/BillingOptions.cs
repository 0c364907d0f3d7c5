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

    /// <summary>Street, postcode and town as printed under the name (Article 226(5) VAT Directive).</summary>
    [StringLength(300)]
    public string? OperatorAddress { get; set; }

    /// <summary>The operator's VAT identification number with its country prefix; without it no reverse charge applies.</summary>
    [RegularExpression("^[A-Z]{2}[0-9A-Z+*]{2,12}$", ErrorMessage = "Brokerage:Billing:OperatorVatId must be a VAT number with its country prefix, such as DK12345678.")]
    public string? OperatorVatId { get; set; }

    /// <summary>Where customers pay: printed with the invoice number as payment reference.</summary>
    [RegularExpression("^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$", ErrorMessage = "Brokerage:Billing:OperatorIban must be an IBAN without spaces.")]
    public string? OperatorIban { get; set; }

    [RegularExpression("^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$", ErrorMessage = "Brokerage:Billing:OperatorBic must be a BIC such as NDEADKKK.")]
    public string? OperatorBic { get; set; }

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
