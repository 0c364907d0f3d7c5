using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Identity.Account;

/// <summary>Small server-rendered pages: every value is HTML-encoded, every form carries an antiforgery token.</summary>
internal static class Html
{
    // The portal's look (portal/Portal/wwwroot/portal.css), inlined: in the distributed mode these pages come from Identity's own process.
    private const string Style =
        "*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b2b24;line-height:1.5}" +
        "header{background:#0b5d3b;color:#fff;padding:.6rem 1rem}header a{color:#fff;font-weight:700;text-decoration:none}" +
        "main{max-width:28rem;margin:2rem auto;padding:0 1rem}a{color:#0b5d3b}:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}" +
        "label{display:block;margin:.8rem 0 .2rem;font-weight:600}input{width:100%;padding:.5rem;border:1px solid #6b7a73;border-radius:.3rem;font:inherit}" +
        "button{margin-top:1rem;padding:.6rem 1.2rem;border:2px solid #0b5d3b;border-radius:.3rem;background:#0b5d3b;color:#fff;font:inherit;font-weight:600;cursor:pointer}" +
        ".error{color:#a1130c;font-weight:600}.note{color:#355}";

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            $"<title>{E(title)} · Symbiosis Marketplace</title><style>{Style}</style></head><body>" +
            $"<header><a href=\"/\">Symbiosis Marketplace</a></header><main><h1>{E(title)}</h1>{body}</main></body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, status);

    public static string Form(HttpContext http, IAntiforgery antiforgery, string action, string fields, string submit)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<form method=\"post\" action=\"{E(action)}\">" +
               $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">" +
               fields + $"<button type=\"submit\">{E(submit)}</button></form>";
    }

    public static string Input(string name, string label, string type = "text", string? value = null, bool required = true) =>
        $"<label for=\"{E(name)}\">{E(label)}</label><input id=\"{E(name)}\" name=\"{E(name)}\" type=\"{E(type)}\" value=\"{E(value)}\"{(required ? " required" : "")}>";

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";

    public static string Error(string? message) => string.IsNullOrEmpty(message) ? "" : $"<p class=\"error\" role=\"alert\">{E(message)}</p>";

    public static string Note(string message) => $"<p class=\"note\">{E(message)}</p>";
}
