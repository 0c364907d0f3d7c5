using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// GET or POST /connect/authorize: authorization code with PKCE for people. A signed-in user (Identity cookie) gets a
/// code for the scopes its role allows. First-party apps only, so there is no consent page.
/// </summary>
public static class Authorize
{
    public static async Task<IResult> Handle(HttpContext http, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenRefusals.Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            var parameters = http.Request.HasFormContentType ? [.. http.Request.Form] : http.Request.Query.ToList();
            var retry = parameters.Where(p => p.Key != Parameters.Prompt).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
            if (cookie.Succeeded)
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(retry) },
                [IdentityConstants.ApplicationScheme]);
        }

        var userId = Guid.TryParse(cookie.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        var principal = await UserPrincipals.CreateAsync(db, userId, request.GetScopes(), clock, cancellationToken);
        if (principal is null)
        {
            return TokenRefusals.Forbid(Errors.AccessDenied, "The account cannot sign in.");
        }

        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
