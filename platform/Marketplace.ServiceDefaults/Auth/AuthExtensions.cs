using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The token issuer (the public URL of Identity, i.e. the gateway). Empty: the token server runs in this process.</summary>
    public string? Authority { get; set; }

    /// <summary>Where to read the discovery document when the issuer URL is not reachable from inside (e.g. a cluster).</summary>
    public string? MetadataAddress { get; set; }
}

public static class AuthExtensions
{
    /// <summary>
    /// Token validation for one API. Every service validates tokens itself and accepts only its own audience;
    /// in one process the accepted audiences add up, and each endpoint still demands its own (see <see cref="RequireScope"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceAuthentication(this IHostApplicationBuilder builder, string audience)
    {
        var validation = builder.Services.AddOpenIddict().AddValidation(o => o.AddAudiences(audience));
        var composition = builder.Composition();
        if (!composition.TokenValidationAdded(audience))
        {
            return builder;
        }

        var localServer = composition.LocalTokenServer;
        var settings = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        validation.AddValidation(o =>
        {
            if (localServer || string.IsNullOrWhiteSpace(settings.Authority))
            {
                o.UseLocalServer();
            }
            else
            {
                o.SetIssuer(new Uri(settings.Authority));
                if (!string.IsNullOrWhiteSpace(settings.MetadataAddress))
                {
                    o.Configure(v => v.ConfigurationEndpoint = new Uri(settings.MetadataAddress));
                }

                o.UseSystemNetHttp();
            }

            // OpenIddict checks an expiry only when a token has one and never reads nbf: a token must carry exp, is
            // refused from the second it expires, and one not yet valid (nbf ahead, beyond a small skew between
            // machines) is refused. One ClockSkew would also keep an expired token alive for that skew.
            o.Configure(v =>
            {
                v.TokenValidationParameters.ValidateLifetime = true;
                v.TokenValidationParameters.RequireExpirationTime = true;
                v.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) => TokenLifetime.IsCurrent(notBefore, expires, DateTimeOffset.UtcNow);
            });

            // Tokens only in the Authorization header: reading a form body here would consume it before a proxy
            // (the gateway) or an endpoint gets it, and query-string tokens end up in logs.
            o.UseAspNetCore()
                .DisableAccessTokenExtractionFromBodyForm()
                .DisableAccessTokenExtractionFromQueryString();
        });

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, NotFoundForOtherTenantsResultHandler>();
        return builder;
    }

    /// <summary>The endpoint requires a token for <paramref name="scope"/>, issued for the scope's API.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoint, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => ctx.User.HasScope(scope) && ctx.User.HasAudience(Scopes.AudienceOf(scope)))
            .Build());

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(MarketplaceClaims.OrganisationId)?.Value, out var id) ? id : null;

    public static bool IsOperator(this ClaimsPrincipal user) =>
        user.HasClaim(MarketplaceClaims.Role, Roles.Operator) || user.HasClaim(MarketplaceClaims.Role, Roles.PlatformAdmin);

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.HasClaim(OpenIddictConstants.Claims.Private.Scope, scope)
        || (user.FindFirst(OpenIddictConstants.Claims.Scope)?.Value.Split(' ').Contains(scope) ?? false);

    public static bool HasAudience(this ClaimsPrincipal user, string audience) =>
        user.HasClaim(OpenIddictConstants.Claims.Private.Audience, audience) || user.HasClaim(OpenIddictConstants.Claims.Audience, audience);

    /// <summary>
    /// The organisation a request acts for: the caller's own, or, for an operator only, the one it names.
    /// Null when a non-operator names another organisation.
    /// </summary>
    public static Guid? ActingOrganisation(this ClaimsPrincipal user, Guid? requested)
    {
        if (requested is { } asked && asked != Guid.Empty)
        {
            return user.IsOperator() || user.OrganisationId() == asked ? asked : null;
        }

        return user.OrganisationId();
    }
}
