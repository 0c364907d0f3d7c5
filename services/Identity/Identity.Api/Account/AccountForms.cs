using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Identity.Account;

internal static class AccountForms
{
    /// <summary>The posted form when it carries a valid antiforgery token; otherwise null (the page answers "the form expired").</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return null;
        }

        return await http.Request.ReadFormAsync();
    }

    /// <summary>A path on this site (not <c>//host</c> or <c>/\host</c>): the only return address a sign-in redirects to.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
