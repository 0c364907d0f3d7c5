using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.ServiceDefaults.Edge;

/// <summary>
/// Takes the caller's <c>X-Correlation-Id</c> when it is sane, or makes one; puts it on the request (so the proxy
/// forwards it), the response, the log scope and the trace.
/// </summary>
public sealed class CorrelationId(RequestDelegate next, ILogger<CorrelationId> log)
{
    public const string Header = "X-Correlation-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = IsSane(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = id;
        context.Response.Headers[Header] = id;
        Activity.Current?.SetTag("correlation.id", id);
        using (log.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            return next(context);
        }
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}

/// <summary>Headers every answer carries; the API serves JSON, so framing and sniffing are off.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        return next(context);
    }
}

/// <summary>413 for a declared body over the limit before anything reads it; Kestrel stops undeclared (chunked) ones at the same size.</summary>
public sealed class BodySizeLimit(RequestDelegate next, IOptions<EdgeOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The body may be at most {limit} bytes.",
                },
            });
            return;
        }

        await next(context);
    }
}
