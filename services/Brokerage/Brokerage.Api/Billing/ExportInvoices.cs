using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Billing;

/// <summary>GET /api/v1/invoices/export?period=: one CSV row per invoice or credit note of the period, numbers in invariant culture.</summary>
public static partial class ExportInvoices
{
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Handle(string? period, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        if (period is null || !PeriodRegex().IsMatch(period))
        {
            return Problems.Invalid("period", "period must be a month such as 2026-11.");
        }

        var invoices = await db.Invoices.AsNoTracking().Where(i => i.Period == period && i.Number != null).ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.Append("number,series,issue_date,due_date,status,organisation_id,customer,country,currency,net,vat_rate,vat,total,reverse_charge,related_invoice_id\r\n");
        foreach (var i in invoices.OrderBy(i => i.Series).ThenBy(i => i.Year).ThenBy(i => i.Sequence))
        {
            string[] cells =
            [
                i.Number!, i.Series, i.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", i.Status, i.OrganisationId.ToString(),
                i.CustomerName, i.CustomerCountry ?? "", i.Currency, Num(i.Net), Num(i.VatRate), Num(i.Vat), Num(i.Total),
                i.ReverseCharge ? "true" : "false", i.RelatedInvoiceId?.ToString() ?? "",
            ];
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"invoices-{period}.csv");
    }

    private static string Num(decimal d) => d.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not execute it.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex PeriodRegex();
}
