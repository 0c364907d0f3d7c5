using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

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
        var incoming = context.Request.Headers[Header];
        var sane = incoming.Count == 1 && IsSane(incoming[0]);
        var id = sane ? incoming[0]! : Guid.NewGuid().ToString("N");
        if (!sane)
        {
            context.Request.Headers[Header] = id;
        }

        context.Response.Headers[Header] = id;
        Activity.Current?.SetTag("correlation.id", id);
        using (log.BeginScope(new Scope(id)))
        {
            return next(context);
        }
    }

    private static bool IsSane(string? value) =>
        value is { Length: > 0 and <= 100 } && !value.AsSpan().ContainsAnyExcept(Allowed);

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    /// <summary>The log scope: one small object per request instead of a dictionary.</summary>
    private sealed class Scope(string id) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "CorrelationId:" + id;
    }
}

/// <summary>
/// Headers every answer carries; the API serves JSON, so framing and sniffing are off. Written as the response starts
/// and only where the answer has not set its own: the portal's pages (in this process, or behind the gateway) keep
/// their policy instead of getting two, and every other answer gets these.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private static readonly (string Name, string Value)[] Defaults =
    [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ("Content-Security-Policy", "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
    ];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            foreach (var (name, value) in Defaults)
            {
                headers.TryAdd(name, value);
            }

            if (http.Request.IsHttps)
            {
                headers.TryAdd("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }

            return Task.CompletedTask;
        }, context);
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

/// <summary>
/// Authenticates a bearer token with the edge scheme before the rate limiter picks a bucket, so the bucket is the
/// validated caller's. An outage of the issuer is not this step's to report: the request is limited by its IP
/// address and the route's own authentication (which gets the same cached outcome) answers it.
/// </summary>
internal sealed class EdgeCallerMiddleware(RequestDelegate next, IAuthenticationSchemeProvider schemes, ILogger<EdgeCallerMiddleware> log)
{
    private bool? canValidate;

    public async Task InvokeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count == 1 && authorization[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && (canValidate ??= await schemes.GetSchemeAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme) is not null))
        {
            try
            {
                await context.AuthenticateAsync(EdgeAuthentication.Scheme);
            }
            catch (Exception ex)
            {
                log.LogDebug(ex, "Edge authentication failed; the request is limited by its address");
            }
        }

        await next(context);
    }
}
