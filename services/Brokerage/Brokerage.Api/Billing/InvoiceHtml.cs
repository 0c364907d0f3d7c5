using System.Globalization;
using System.Net;
using System.Text;

namespace Marketplace.Brokerage.Billing;

/// <summary>A self-contained printable page (inline CSS, A4 print rules); every value is HTML-encoded.</summary>
public static class InvoiceHtml
{
    public static string Render(Invoice invoice, BillingOptions seller, string? relatedNumber, DateOnly today)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        string M(decimal d) => E($"{invoice.Currency} {d.ToString("#,##0.00", CultureInfo.InvariantCulture)}");
        var title = invoice.Series == InvoiceSeries.CreditNote ? "Credit note" : "Invoice";
        var overdue = invoice.Status == InvoiceStatuses.Issued && invoice.DueDate < today;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(E($"{title} {invoice.Number ?? "(draft)"}")).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2cm;color:#111}table{width:100%;border-collapse:collapse}")
            .Append("th,td{padding:4px 6px;border-bottom:1px solid #ccc;text-align:left}td.n,th.n{text-align:right}")
            .Append(".parties{display:flex;justify-content:space-between;margin:1em 0}.note{margin-top:1em;font-style:italic}")
            .Append(".status{font-weight:bold;text-transform:uppercase}@page{size:A4;margin:1.5cm}@media print{body{margin:0}}</style></head><body>");
        html.Append("<h1>").Append(E(title)).Append(' ').Append(E(invoice.Number ?? "(draft)")).Append("</h1>");
        html.Append("<p class=\"status\">").Append(E(invoice.Status)).Append(overdue ? " — overdue" : "").Append("</p>");
        html.Append("<div class=\"parties\"><div><strong>From</strong>");
        Party(html, invoice.SellerName ?? seller.OperatorName, invoice.SellerAddress ?? seller.OperatorAddress,
            invoice.SellerCountry ?? seller.OperatorCountry, invoice.SellerVatId ?? seller.OperatorVatId);
        html.Append("</div><div><strong>To</strong>");
        Party(html, invoice.CustomerName, invoice.CustomerAddress, invoice.CustomerCountry, invoice.CustomerVatId);
        html.Append("</div></div>");
        html.Append("<p>Period ").Append(E(invoice.Period))
            .Append(" · Issued ").Append(E(invoice.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"))
            .Append(" · Due ").Append(E(invoice.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—")).Append("</p>");
        if (relatedNumber is not null)
        {
            html.Append("<p>").Append(invoice.Series == InvoiceSeries.CreditNote ? "Cancels invoice " : "Cancelled by credit note ").Append(E(relatedNumber)).Append("</p>");
        }

        html.Append("<table><thead><tr><th>#</th><th>Description</th><th class=\"n\">Amount</th></tr></thead><tbody>");
        foreach (var line in invoice.Lines.OrderBy(l => l.LineNo))
        {
            html.Append("<tr><td>").Append(line.LineNo).Append("</td><td>").Append(E(line.Description)).Append("</td><td class=\"n\">")
                .Append(M(line.Amount)).Append("</td></tr>");
        }

        html.Append("</tbody><tfoot><tr><td></td><th>Net</th><td class=\"n\">").Append(M(invoice.Net)).Append("</td></tr>")
            .Append("<tr><td></td><th>VAT ").Append(E(invoice.VatRate.ToString("0.##", CultureInfo.InvariantCulture))).Append(" %</th><td class=\"n\">")
            .Append(M(invoice.Vat)).Append("</td></tr><tr><td></td><th>Total</th><td class=\"n\"><strong>").Append(M(invoice.Total))
            .Append("</strong></td></tr></tfoot></table>");
        if (invoice.VatNote is not null)
        {
            html.Append("<p class=\"note\">").Append(E(invoice.VatNote)).Append("</p>");
        }

        Payment(html, invoice, seller);
        html.Append("<p class=\"note\">Amounts are rounded to cents per line, half away from zero.</p></body></html>");
        return html.ToString();
    }

    /// <summary>How to pay an invoice (a credit note has nothing to pay): the seller's IBAN, BIC and the invoice number as reference.</summary>
    private static void Payment(StringBuilder html, Invoice invoice, BillingOptions seller)
    {
        var iban = invoice.SellerIban ?? seller.OperatorIban;
        if (invoice.Series == InvoiceSeries.Invoice && iban is not null)
        {
            html.Append("<p>Pay to IBAN ").Append(WebUtility.HtmlEncode(iban));
            var bic = invoice.SellerBic ?? seller.OperatorBic;
            if (bic is not null)
            {
                html.Append(" · BIC ").Append(WebUtility.HtmlEncode(bic));
            }

            html.Append(" · reference ").Append(WebUtility.HtmlEncode(invoice.Number ?? "(draft)")).Append("</p>");
        }
    }

    /// <summary>Name, address, country and VAT number of one party, each on its line; a missing line is left out.</summary>
    private static void Party(StringBuilder html, string? name, string? address, string? country, string? vatId)
    {
        foreach (var line in new[] { name, address, country, vatId is null ? null : "VAT ID " + vatId })
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                html.Append("<br>").Append(WebUtility.HtmlEncode(line));
            }
        }
    }
}
