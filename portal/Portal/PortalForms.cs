using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal;

/// <summary>The portal's plain-form endpoints (post, redirect, get) read a form only when it is one and its antiforgery token holds.</summary>
internal static class PortalForms
{
    /// <summary>A plain form's endpoint: for a signed-in person, outside the API's description; its handler checks the form's antiforgery token itself (<see cref="ReadCheckedAsync"/>).</summary>
    public static RouteHandlerBuilder MapFormPost(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapPost(pattern, handler).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();

    public static async Task<IFormCollection?> ReadCheckedAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync(cancellationToken) : null;

    /// <summary>
    /// Post, redirect, get: reads the checked form, lets <paramref name="act"/> do the work, and sends the browser back to
    /// <paramref name="page"/> with what happened in a one-time note (never the address bar). A form that fails its
    /// antiforgery check just goes back.
    /// </summary>
    public static async Task<IResult> PostRedirectGetAsync<TOutcome>(HttpContext http, IAntiforgery antiforgery, OwnedNotes<TOutcome> notes, string page,
        Func<IFormCollection, Task<TOutcome>> act, CancellationToken cancellationToken)
        where TOutcome : class =>
        await ReadCheckedAsync(http, antiforgery, cancellationToken) is { } form
            ? Results.Redirect($"{page}?note={notes.Add(http.User, await act(form))}")
            : Results.Redirect(page);
}
