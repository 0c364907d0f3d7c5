using System.Globalization;
using System.Numerics;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// How a CSV file writes its values. Excel writes a comma-separated file where the decimal mark is a point (UK, US)
/// and a semicolon-separated one with decimal commas and day-first dates where it is a comma (Denmark, Germany,
/// France...); it may start the file with <c>sep=;</c>.
/// </summary>
public sealed record CsvDialect(char Separator, bool DecimalComma)
{
    public static readonly CsvDialect Rfc4180 = new(',', false);

    private static readonly string[] DayFirstDates = ["dd-MM-yyyy", "dd.MM.yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy"];

    /// <summary>
    /// The dialect of <paramref name="text"/> and the text without a leading <c>sep=</c> line. The separator is, in
    /// order: the <c>sep=</c> line, <paramref name="declared"/> (<c>comma</c>, <c>semicolon</c>, <c>tab</c>), or the
    /// one the header line uses most outside quotes. Decimal commas go with any separator but the comma.
    /// </summary>
    public static (CsvDialect? Dialect, string Text, string? Error) Detect(string text, string? declared)
    {
        var body = text.TrimStart('\uFEFF');
        char? separator = null;
        var firstEnd = body.IndexOf('\n', StringComparison.Ordinal);
        var first = (firstEnd < 0 ? body : body[..firstEnd]).TrimEnd('\r');
        if (first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && first.Length == 5)
        {
            separator = first[4];
            body = firstEnd < 0 ? "" : body[(firstEnd + 1)..];
            first = body.Split('\n', 2)[0].TrimEnd('\r');
        }
        else if (declared is not null)
        {
            separator = declared.ToLowerInvariant() switch
            {
                "comma" or "," => ',',
                "semicolon" or ";" => ';',
                "tab" or "\t" => '\t',
                _ => null,
            };
            if (separator is null)
            {
                return (null, text, $"separator '{declared}' is not one of comma, semicolon, tab.");
            }
        }

        var chosen = separator ?? Likeliest(first);
        return (new CsvDialect(chosen, chosen != ','), body, null);
    }

    private static char Likeliest(string header)
    {
        var counts = new Dictionary<char, int> { [','] = 0, [';'] = 0, ['\t'] = 0 };
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && counts.TryGetValue(c, out var n))
            {
                counts[c] = n + 1;
            }
        }

        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key == ',' ? 0 : 1).First().Key;
    }

    /// <summary>
    /// A number as this dialect writes it. With decimal commas, '.' groups thousands ("1.200,5"); a value with points
    /// only is read with a decimal point ("55.4"), except one that reads as grouping ("1.200"), which is ambiguous.
    /// </summary>
    public bool TryNumber<T>(string value, out T number, out string? ambiguity)
        where T : struct, INumber<T>
    {
        ambiguity = null;
        var text = value;
        if (DecimalComma)
        {
            if (value.Contains(',', StringComparison.Ordinal))
            {
                text = value.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
            }
            else if (LooksGrouped(value))
            {
                number = default;
                ambiguity = $"'{value}' could be a thousands grouping or a decimal point; write it without the point or with a decimal comma.";
                return false;
            }
        }

        return T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>yyyy-MM-dd always; day-first dates (31-01-2027, 31.01.2027, 31/01/2027) in the decimal-comma dialect.</summary>
    public bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        || (DecimalComma && DateOnly.TryParseExact(value, DayFirstDates, CultureInfo.InvariantCulture, DateTimeStyles.None, out date));

    private static bool LooksGrouped(string value)
    {
        var parts = value.TrimStart('-', '+').Split('.');
        return parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3 && p.All(char.IsAsciiDigit));
    }
}
