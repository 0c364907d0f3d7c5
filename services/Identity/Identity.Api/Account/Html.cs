using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Identity.Account;

/// <summary>Small server-rendered pages: every value is HTML-encoded, every form carries an antiforgery token.</summary>
internal static class Html
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1b2b24}" +
        "label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}" +
        "button{margin-top:1rem;padding:.6rem 1.2rem}.error{color:#a00}.note{color:#355}";

    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            $"<title>{E(title)} · Symbiosis Marketplace</title><style>{Style}</style></head><body><h1>{E(title)}</h1>{body}</body></html>",
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
