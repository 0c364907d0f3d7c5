using System.Net.Http.Headers;
using System.Text;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// The uploaded CSV as text: the body, or the first file of a form, within the size limit, decoded by its byte-order
/// mark, else by the charset declared (the <c>encoding</c> parameter, else the file's or the body's Content-Type),
/// else as strict UTF-8. Windows-1252 is what Excel's "CSV (semicolon/comma separated)" writes in Western Europe.
/// </summary>
internal static class CsvUpload
{
    public sealed record Result(string Text, bool TooLarge, string? Error);

    public static async Task<Result> ReadAsync(HttpRequest request, int maxBytes, string? encoding, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return new("", true, null);
        }

        Stream source = request.Body;
        var contentType = request.ContentType;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0)
            {
                return new("", false, null);
            }

            if (form.Files[0].Length > maxBytes)
            {
                return new("", true, null);
            }

            source = form.Files[0].OpenReadStream();
            contentType = form.Files[0].ContentType;
        }

        using var buffer = new MemoryStream();
        await using (source)
        {
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return new("", true, null);
                }
            }
        }

        var charset = encoding ?? (MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.CharSet?.Trim('"') : null);
        return Decode(buffer.ToArray(), charset);
    }

    public static Result Decode(byte[] bytes, string? charset)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..] || bytes is [0xFF, 0xFE, ..] || bytes is [0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new(reader.ReadToEnd(), false, null);
        }

        switch (charset?.ToLowerInvariant())
        {
            case null or "utf-8" or "utf8":
                try
                {
                    return new(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), false, null);
                }
                catch (DecoderFallbackException)
                {
                    return new("", false, "The file is not valid UTF-8. Save it as 'CSV UTF-8', or declare its encoding: "
                        + "Content-Type: text/csv; charset=windows-1252 (or ?encoding=windows-1252), which Excel's other CSV formats use.");
                }

            case "windows-1252" or "cp1252" or "iso-8859-1" or "latin1" or "ansi":
                return new(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes), false, null);
            default:
                return new("", false, $"encoding '{charset}' is not supported; use utf-8 or windows-1252.");
        }
    }
}
