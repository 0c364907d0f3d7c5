using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Http;

/// <summary>
/// Turns malformed input that slips past binding (bad JSON, a lone UTF-16 surrogate, an unknown charset, a broken
/// multipart upload, oversized bodies) into a 400/413/415 problem, and a write
/// that lost an optimistic-concurrency race the endpoint did not handle itself into a 409, instead of a 500;
/// everything else falls through to the default 500 problem.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Request body too large", exception.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", Describe(bad)),
            JsonException json => (StatusCodes.Status400BadRequest, "Malformed JSON", json.Message),
            InvalidOperationException text when text.Message.Contains("UTF-16", StringComparison.Ordinal) => (StatusCodes.Status400BadRequest, "Malformed JSON",
                $"{text.Message} Text must be valid UTF-16: an escaped surrogate such as \\ud800 needs its pair."),
            InvalidOperationException charset when charset.Message.Contains("charset", StringComparison.Ordinal) && charset.Source == "Microsoft.AspNetCore.Http.Extensions" =>
                (StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", $"{charset.Message} Send UTF-8."),
            InvalidDataException { Source: "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Http" }
                or IOException { Source: "Microsoft.AspNetCore.WebUtilities" } => (StatusCodes.Status400BadRequest, "Malformed multipart body",
                $"The upload could not be read: {exception.Message} Send multipart/form-data with a boundary and a closing boundary line."),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Changed concurrently",
                "The resource changed while your request was being saved; nothing was written. Read it again and retry."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? $"Malformed JSON: {json.Message}" : bad.Message;
}
