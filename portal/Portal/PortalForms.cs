using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Portal;

/// <summary>The portal's plain-form endpoints (post, redirect, get) read a form only when it is one and its antiforgery token holds.</summary>
internal static class PortalForms
{
    public static async Task<IFormCollection?> ReadCheckedAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync(cancellationToken) : null;
}
