using System.Numerics;
using Marketplace.Listings.Contracts;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// The import's CSV columns (documented in docs/api.md) and how a row's cells fill a <see cref="ListingInput"/>:
/// numbers and dates as the file's <see cref="CsvDialect"/> writes them, attributes as 'name=value|unit' items.
/// </summary>
public static class ListingCsvColumns
{
    public static readonly string[] Columns =
    [
        "externalRef", "organisationId", "kind", "resourceClass", "status", "title", "description", "language", "ewcCode", "cpaCode",
        "hazardous", "acceptsHazardous", "amount", "unit", "per", "lat", "lon", "country", "address", "maxTransportKm",
        "availableFrom", "availableUntil", "priceAmount", "priceCurrency", "pricePer", "temperatureC", "medium", "waterQuality",
        "visibility", "attributes",
    ];

    private static readonly string[] RequiredColumns = ["kind", "resourceClass", "title", "amount", "unit", "per", "lat", "lon", "country"];

    /// <summary>Row errors are reported by column name, not by the JSON path the rules use.</summary>
    public static readonly Dictionary<string, string> FieldToColumn = new(StringComparer.Ordinal)
    {
        ["quantity.amount"] = "amount", ["quantity.unit"] = "unit", ["quantity.per"] = "per",
        ["location.lat"] = "lat", ["location.lon"] = "lon", ["location.country"] = "country", ["location.address"] = "address",
        ["price.amount"] = "priceAmount", ["price.currency"] = "priceCurrency", ["price.per"] = "pricePer",
    };

    /// <summary>Maps the header to column positions; an unknown, repeated or missing required column is the error returned.</summary>
    public static string? ReadHeader(CsvRecord header, out Dictionary<string, int> columnIndex)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        columnIndex = index;
        var names = header.Fields.Select(h => h.Trim()).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var known = Columns.FirstOrDefault(c => string.Equals(c, names[i], StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return $"Unknown column '{names[i]}'. Known columns: {string.Join(", ", Columns)}.";
            }

            if (!index.TryAdd(known, i))
            {
                return $"Column '{known}' appears twice.";
            }
        }

        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        return missing.Count > 0 ? $"Missing required columns: {string.Join(", ", missing)}." : null;
    }

    public static void Fill(ListingInput x, CsvRecord row, Dictionary<string, int> columns, CsvDialect dialect, bool creating, Dictionary<string, string[]> errors)
    {
        foreach (var (column, _) in columns)
        {
            var value = Cell(row, columns, column);
            switch (column)
            {
                case "kind": x.Kind = value; break;
                case "resourceClass": x.ResourceClass = value; break;
                case "status":
                    if (creating)
                    {
                        x.Status = value;
                    }

                    break;
                case "title": x.Title = value; break;
                case "description": x.Description = value; break;
                case "language": x.Language = value; break;
                case "ewcCode":
                    x.EwcCode = value;
                    x.EwcChanged = true;
                    break;
                case "cpaCode": x.CpaCode = value; break;
                case "hazardous":
                    x.Hazardous = Bool(value, column, errors);
                    x.HazardousStated = x.Hazardous is not null;
                    break;
                case "acceptsHazardous": x.AcceptsHazardous = Bool(value, column, errors); break;
                case "amount": x.Amount = Number<decimal>(dialect, value, column, errors); break;
                case "unit": x.Unit = value; break;
                case "per": x.Per = value; break;
                case "lat": x.Lat = Number<double>(dialect, value, column, errors); break;
                case "lon": x.Lon = Number<double>(dialect, value, column, errors); break;
                case "country": x.Country = value; break;
                case "address": x.Address = value; break;
                case "maxTransportKm": x.MaxTransportKm = Number<double>(dialect, value, column, errors); break;
                case "availableFrom": x.AvailableFrom = Date(dialect, value, column, errors); break;
                case "availableUntil": x.AvailableUntil = Date(dialect, value, column, errors); break;
                case "priceAmount": x.PriceAmount = Number<decimal>(dialect, value, column, errors); break;
                case "priceCurrency": x.PriceCurrency = value; break;
                case "pricePer": x.PricePer = value; break;
                case "temperatureC": x.TemperatureC = Number<double>(dialect, value, column, errors); break;
                case "medium": x.Medium = ListingJsonReader.NormaliseMedium(value); break;
                case "waterQuality": x.WaterQuality = value; break;
                case "visibility": x.Visibility = value; break;
                case "attributes": x.Attributes = Attributes(value, errors); break;
                default: break;
            }
        }
    }

    /// <summary>"moisture=22|%;calorific value=17|MJ/kg": name=value, optional |unit, separated by ';'.</summary>
    private static List<AttributeSnapshot> Attributes(string? value, Dictionary<string, string[]> errors)
    {
        var result = new List<AttributeSnapshot>();
        if (value is null)
        {
            return result;
        }

        foreach (var item in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                errors.TryAdd("attributes", ["attributes are 'name=value|unit' items separated by ';'."]);
                return result;
            }

            var rest = item[(eq + 1)..];
            var bar = rest.IndexOf('|', StringComparison.Ordinal);
            result.Add(bar < 0
                ? new AttributeSnapshot(item[..eq].Trim(), rest.Trim(), null)
                : new AttributeSnapshot(item[..eq].Trim(), rest[..bar].Trim(), rest[(bar + 1)..].Trim()));
        }

        return result;
    }

    public static string? Cell(CsvRecord row, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(column, out var i) && i < row.Fields.Count && row.Fields[i].Trim() is { Length: > 0 } v ? v : null;

    private static T? Number<T>(CsvDialect dialect, string? value, string column, Dictionary<string, string[]> errors)
        where T : struct, INumber<T>
    {
        if (value is null)
        {
            return null;
        }

        if (dialect.TryNumber<T>(value, out var n, out var ambiguity))
        {
            return n;
        }

        errors.TryAdd(column, [ambiguity is null
            ? $"{column} must be a number with a {(dialect.DecimalComma ? "decimal comma, such as 1200,5" : "'.' decimal point, such as 1200.5")}."
            : $"{column}: {ambiguity}"]);
        return null;
    }

    private static bool? Bool(string? value, string column, Dictionary<string, string[]> errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "yes" or "1": return true;
            case "false" or "no" or "0": return false;
            default:
                errors.TryAdd(column, [$"{column} must be true or false."]);
                return null;
        }
    }

    private static DateOnly? Date(CsvDialect dialect, string? value, string column, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (dialect.TryDate(value, out var d))
        {
            return d;
        }

        errors.TryAdd(column, [$"{column} must be a date such as 2027-01-31{(dialect.DecimalComma ? " or 31-01-2027" : "")}."]);
        return null;
    }
}
