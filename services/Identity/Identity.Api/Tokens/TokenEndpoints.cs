using System.Security.Claims;
using Marketplace.Identity.Data;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Tokens;

public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Exchange).WithName(nameof(Exchange)).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorize).WithName(nameof(Authorize)).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        app.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)EndSession).WithName(nameof(EndSession)).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// Authorization code with PKCE for people: a signed-in user (Identity cookie) gets a code for the scopes
    /// its role allows. First-party apps only, so there is no consent page.
    /// </summary>
    public static async Task<IResult> Authorize(HttpContext http, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
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
            return Forbid(Errors.AccessDenied, "The account cannot sign in.");
        }

        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Client credentials for partner applications; authorization code and refresh token for people. OpenIddict has
    /// already authenticated the client, checked its grant and scopes, the PKCE verifier, and rotated refresh tokens.
    /// </summary>
    public static async Task<IResult> Exchange(HttpContext http, IOpenIddictApplicationManager applications, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = Guid.TryParse(previous.Principal?.GetClaim(Claims.Subject), out var id) ? id : Guid.Empty;
            // Roles and lockout are read again, so a removed membership or a locked account stops refreshing.
            var principal = await UserPrincipals.CreateAsync(db, userId, previous.Principal?.GetScopes() ?? [], clock, cancellationToken);
            return principal is null
                ? Forbid(Errors.InvalidGrant, "The account can no longer sign in.")
                : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (!request.IsClientCredentialsGrantType())
        {
            return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported here.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken);
        if (application is null)
        {
            return Forbid(Errors.InvalidClient, "Unknown client.");
        }

        var binding = ClientBinding.From(await applications.GetPropertiesAsync(application, cancellationToken));
        if (binding is null)
        {
            return Forbid(Errors.InvalidClient, "The client is not bound to an organisation.");
        }

        var permitted = (await applications.GetPermissionsAsync(application, cancellationToken))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .Where(Scopes.All.Contains)
            .ToList();
        var requested = request.GetScopes();
        var granted = requested.IsEmpty ? permitted : [.. requested.Intersect(permitted)];

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, MarketplaceClaims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken) ?? request.ClientId);
        identity.SetClaim(MarketplaceClaims.OrganisationId, binding.OrganisationId.ToString());
        identity.SetClaims(MarketplaceClaims.Role, [.. binding.Roles]);
        identity.SetClaim("client_kind", "api");
        identity.SetScopes(granted);
        identity.SetResources(granted.Select(Scopes.AudienceOf).Distinct());
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Ends the portal session and returns to the client's registered post-logout address.</summary>
    public static async Task<IResult> EndSession(HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
