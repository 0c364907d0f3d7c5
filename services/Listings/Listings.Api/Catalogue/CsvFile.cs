using Marketplace.ServiceDefaults.Http;

namespace Marketplace.Listings.Catalogue;

/// <summary>An uploaded CSV read as far as any import needs: its dialect, its header line and its non-empty rows.</summary>
internal sealed record CsvFile(CsvDialect Dialect, CsvRecord Header, List<CsvRecord> Rows)
{
    /// <summary>
    /// The upload as rows under a header <paramref name="checkHeader"/> accepts (it answers the header's error, or null);
    /// or the problem that stops an import before any row is read: too large, unreadable charset, unknown separator,
    /// empty file, unknown columns, too many rows.
    /// </summary>
    public static async Task<(CsvFile? File, IResult? Problem)> ReadAsync(HttpRequest request, ListingsOptions settings, string? separator,
        string? encoding, Func<CsvRecord, string?> checkHeader, CancellationToken cancellationToken)
    {
        var (upload, tooLarge, encodingError) = await CsvUpload.ReadAsync(request, settings.MaxImportBytes, encoding, cancellationToken);
        if (tooLarge)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "CSV too large",
                detail: $"An import is limited to {settings.MaxImportBytes / (1024 * 1024)} MB; split the file."));
        }

        if (encodingError is not null)
        {
            return (null, Problems.Invalid("encoding", encodingError));
        }

        var (dialect, text, dialectError) = CsvDialect.Detect(upload, separator);
        if (dialect is null)
        {
            return (null, Problems.Invalid("separator", dialectError!));
        }

        var records = Csv.Parse(text, dialect.Separator);
        if (records.Count == 0)
        {
            return (null, Problems.Invalid("file", "The CSV is empty; the first line must name the columns."));
        }

        if (checkHeader(records[0]) is { } columnError)
        {
            return (null, Problems.Invalid("columns", columnError));
        }

        var rows = records.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)).ToList();
        return rows.Count > settings.MaxImportRows
            ? (null, Problems.Invalid("file", $"At most {settings.MaxImportRows:N0} rows per import."))
            : (new CsvFile(dialect, records[0], rows), null);
    }
}
