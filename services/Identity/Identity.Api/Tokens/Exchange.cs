using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// POST /connect/token: client credentials for partner applications; authorization code and refresh token for people.
/// OpenIddict has already authenticated the client, checked its grant and scopes, the PKCE verifier, and rotated refresh tokens.
/// </summary>
public static class Exchange
{
    public static async Task<IResult> Handle(HttpContext http, IOpenIddictApplicationManager applications, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = Guid.TryParse(previous.Principal?.GetClaim(Claims.Subject), out var id) ? id : Guid.Empty;
            // Roles and lockout are read again, so a removed membership or a locked account stops refreshing.
            var principal = await UserPrincipals.CreateAsync(db, userId, previous.Principal?.GetScopes() ?? [], clock, cancellationToken);
            return principal is null
                ? TokenRefusals.Forbid(Errors.InvalidGrant, "The account can no longer sign in.")
                : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (!request.IsClientCredentialsGrantType())
        {
            return TokenRefusals.Forbid(Errors.UnsupportedGrantType, "This grant type is not supported here.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken);
        if (application is null)
        {
            return TokenRefusals.Forbid(Errors.InvalidClient, "Unknown client.");
        }

        var binding = ClientBinding.From(await applications.GetPropertiesAsync(application, cancellationToken));
        if (binding is null)
        {
            return TokenRefusals.Forbid(Errors.InvalidClient, "The client is not bound to an organisation.");
        }

        var principalOfClient = await ClientPrincipalAsync(request, applications, application, binding, cancellationToken);
        return Results.SignIn(principalOfClient, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>An API client acts for its organisation with its roles and the scopes it asked for among those it holds (all when it asked none).</summary>
    private static async Task<ClaimsPrincipal> ClientPrincipalAsync(OpenIddictRequest request, IOpenIddictApplicationManager applications, object application,
        ClientBinding binding, CancellationToken cancellationToken)
    {
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
        return new ClaimsPrincipal(identity);
    }
}
