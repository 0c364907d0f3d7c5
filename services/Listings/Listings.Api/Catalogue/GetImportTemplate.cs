using System.Text;
using Marketplace.Listings.Contracts;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// GET /api/v1/listings/import/template: a CSV with every import column and one example row that imports as it is.
/// <c>?separator=semicolon</c> gives the file as Excel writes it where the decimal mark is a comma (a <c>sep=;</c> line,
/// semicolons, decimal commas). UTF-8 with a byte-order mark, so Excel opens it with the right letters.
/// </summary>
public static class GetImportTemplate
{
    private static readonly Dictionary<string, string> Example = new(StringComparer.Ordinal)
    {
        ["externalRef"] = "EXAMPLE-1", ["kind"] = ListingKinds.Offer, ["resourceClass"] = ResourceClasses.Material, ["title"] = "Dry fly ash",
        ["description"] = "Fly ash from a wood-chip boiler, dry, stored in a silo.", ["language"] = "en", ["ewcCode"] = "10 01 03",
        ["amount"] = "1200.5", ["unit"] = Units.Tonne, ["per"] = ListingPeriods.Year, ["lat"] = "55.6502", ["lon"] = "12.0843", ["country"] = "DK",
        ["maxTransportKm"] = "150", ["priceAmount"] = "-15.5", ["priceCurrency"] = "EUR", ["pricePer"] = Units.Tonne,
        ["visibility"] = Visibilities.Public, ["attributes"] = "moisture=4|%",
    };

    private static readonly HashSet<string> Numbers = ["amount", "lat", "lon", "maxTransportKm", "priceAmount"];

    public static Results<FileContentHttpResult, ValidationProblem> Handle(string? separator = null)
    {
        var semicolon = separator?.ToLowerInvariant() switch
        {
            null or "comma" or "," => false,
            "semicolon" or ";" => true,
            _ => (bool?)null,
        };
        if (semicolon is not { } european)
        {
            return Problems.Invalid("separator", "separator must be comma or semicolon.");
        }

        var sep = european ? ";" : ",";
        var values = ListingCsvColumns.Columns.Select(c => Example.GetValueOrDefault(c, ""))
            .Select((v, i) => european && Numbers.Contains(ListingCsvColumns.Columns[i]) ? v.Replace('.', ',') : v)
            .Select(v => v.Contains(sep, StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal) ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v);
        var csv = new StringBuilder();
        if (european)
        {
            csv.Append("sep=;\r\n");
        }

        csv.Append(string.Join(sep, ListingCsvColumns.Columns)).Append("\r\n").Append(string.Join(sep, values)).Append("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", european ? "listings-import-template-semicolon.csv" : "listings-import-template.csv");
    }
}
