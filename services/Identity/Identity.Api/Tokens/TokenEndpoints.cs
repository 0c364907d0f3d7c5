using System.Security.Claims;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore;
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
        app.MapPost("/connect/token", Exchange).WithName(nameof(Exchange)).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Client credentials: the token carries the client's organisation and roles, the granted scopes, and one
    /// audience per API those scopes open. OpenIddict has already authenticated the client and checked that
    /// it may use the grant and the requested scopes.
    /// </summary>
    public static async Task<IResult> Exchange(HttpContext http, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
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

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
