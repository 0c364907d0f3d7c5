using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Marketplace.Portal;

/// <summary>
/// A portal page that failed answers a page in words, never the API's JSON, a stack trace or a blank page: 503
/// "try again in a moment" when Identity could not be reached to sign the user in (its discovery document did not
/// answer, e.g. while it restarts in distributed mode), 500 otherwise, both with the request's reference for support.
/// API paths fall through to the problem-details handler.
/// </summary>
internal sealed class PortalErrors(IStringLocalizer<Strings> texts, ILogger<PortalErrors> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!PortalModule.IsPortalPath(http.Request.Path) || http.Response.HasStarted)
        {
            return false;
        }

        var signInDown = IsIdentityUnreachable(exception);
        log.LogError(exception, "Portal page {Path} failed{Reason}", http.Request.Path.Value, signInDown ? " (Identity unreachable)" : "");
        http.Response.StatusCode = signInDown ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (signInDown)
        {
            http.Response.Headers.RetryAfter = "10";
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        var reference = http.Response.Headers["X-Correlation-Id"].FirstOrDefault() ?? http.TraceIdentifier;
        await http.Response.WriteAsync(Page(
            texts[signInDown ? "SignInUnavailableTitle" : "PageErrorTitle"],
            texts[signInDown ? "SignInUnavailableText" : "ErrorText"],
            texts["ErrorReference", reference], texts["TryAgain"], texts["ProductName"], http.Request.PathBase + http.Request.Path + http.Request.QueryString), cancellationToken);
        return true;
    }

    /// <summary>IdentityModel wraps a failed read of the discovery document (IDX20803) around the network error.</summary>
    internal static bool IsIdentityUnreachable(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains("IDX20803", StringComparison.Ordinal) || e.Message.Contains("IDX20804", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Page(string title, string text, string reference, string retry, string product, string again) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
        <title>{{E(title)}} · {{E(product)}}</title><link rel="stylesheet" href="/_content/Marketplace.Portal/portal.css"></head>
        <body><header class="shell-header"><div class="shell-brand"><a href="/" class="brand-name">{{E(product)}}</a></div></header>
        <main id="main"><h1>{{E(title)}}</h1><p>{{E(text)}}</p><p class="hint">{{E(reference)}}</p>
        <p><a class="button" href="{{E(again)}}">{{E(retry)}}</a></p></main></body></html>
        """;

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
