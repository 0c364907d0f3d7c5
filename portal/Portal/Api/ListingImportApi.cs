using System.Net.Http.Headers;

namespace Marketplace.Portal.Api;

/// <summary>The CSV import through the public API: its dry run (the preview), the import itself and the template.</summary>
public sealed class ListingImportApi(HttpClient http)
{
    /// <summary>
    /// Sends the file as uploaded (its bytes and charset untouched: the API detects separator and encoding). A file-level
    /// refusal (columns, encoding, size) comes back as the problem; a row-level one is in the report.
    /// </summary>
    public async Task<(ImportReport? Report, ApiProblem? Problem)> ImportAsync(
        byte[] csv, string? separator, string? encoding, bool dryRun, string idempotencyKey, CancellationToken cancellationToken)
    {
        var query = $"api/v1/listings/import?dryRun={(dryRun ? "true" : "false")}"
                    + (string.IsNullOrEmpty(separator) ? "" : $"&separator={Uri.EscapeDataString(separator)}")
                    + (string.IsNullOrEmpty(encoding) ? "" : $"&encoding={Uri.EscapeDataString(encoding)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, query) { Content = new ByteArrayContent(csv) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<ImportReport>(response, cancellationToken);
    }

    /// <summary>The template as the API writes it (comma, or semicolon with decimal commas), with its content type.</summary>
    public async Task<(byte[] Content, string ContentType)> TemplateAsync(string? separator, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/listings/import/template" + (separator == "semicolon" ? "?separator=semicolon" : ""), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(await ApiProblem.ReadAsync(response, cancellationToken));
        }

        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.ToString() ?? "text/csv");
    }
}
