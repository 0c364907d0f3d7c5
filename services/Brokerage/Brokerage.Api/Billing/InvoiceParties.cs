using Marketplace.Brokerage.Organisations;

namespace Marketplace.Brokerage.Billing;

/// <summary>
/// The seller and buyer as the invoice states them (Article 226 VAT Directive), copied onto the invoice when it is made,
/// so a later change of configuration or of the customer's record never rewrites an invoice.
/// </summary>
internal static class InvoiceParties
{
    public static void Stamp(Invoice invoice, KnownOrganisation? customer, BillingOptions seller) =>
        Set(invoice, [customer?.Name ?? "Customer not yet known to billing", customer?.Country, customer?.Address, customer?.VatId,
            seller.OperatorName, seller.OperatorAddress, seller.OperatorCountry, seller.OperatorVatId, seller.OperatorIban, seller.OperatorBic]);

    /// <summary>A credit note names the parties exactly as the invoice it cancels.</summary>
    public static void Copy(Invoice from, Invoice to) =>
        Set(to, [from.CustomerName, from.CustomerCountry, from.CustomerAddress, from.CustomerVatId,
            from.SellerName, from.SellerAddress, from.SellerCountry, from.SellerVatId, from.SellerIban, from.SellerBic]);

    private static void Set(Invoice i, string?[] v)
    {
        (i.CustomerName, i.CustomerCountry, i.CustomerAddress, i.CustomerVatId) = (v[0]!, v[1], v[2], v[3]);
        (i.SellerName, i.SellerAddress, i.SellerCountry, i.SellerVatId, i.SellerIban, i.SellerBic) = (v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    public static VatParty SellerParty(this Invoice i) => new(i.SellerCountry, i.SellerVatId);

    public static VatParty CustomerParty(this Invoice i) => new(i.CustomerCountry, i.CustomerVatId);
}
