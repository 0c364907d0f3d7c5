using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Edge;
using Microsoft.AspNetCore.Authentication;
using Yarp.ReverseProxy.Configuration;

namespace Marketplace.Gateway;

/// <summary>
/// The gateway checks tokens before forwarding: signature, issuer, lifetime and an audience of one of the APIs
/// behind it. Every route needs a valid token unless its path is one of <c>Gateway:AnonymousPaths</c> or it names
/// its own <c>AuthorizationPolicy</c> in configuration; the services check scope and their own audience again.
/// A route to a cluster named after an API (<c>listings</c>, …) also needs a token issued for that API, and a valid
/// token for another API gets 403 here, as it does from the standalone host (the service itself, which accepts only
/// its own audience, would answer 401).
/// </summary>
internal static class EdgeTokenValidation
{
    public const string Policy = "token";

    private static readonly string[] ApiAudiences = [Audiences.Identity, Audiences.Listings, Audiences.Matching, Audiences.Brokerage];

    public static readonly string[] DefaultAnonymousPaths =
        ["/connect", "/.well-known", "/health", "/account", "/openapi", "/scalar", "/api/v1/registrations"];

    public static IHostApplicationBuilder AddEdgeTokenValidation(this IHostApplicationBuilder builder)
    {
        foreach (var audience in ApiAudiences)
        {
            builder.AddMarketplaceAuthentication(audience);
        }

        // The edge scheme is OpenIddict's validation with successful outcomes remembered per token (until it expires,
        // and only while its signing key is still the issuer's): the rate limiter has already used it by the time
        // the route policy asks, so a request is validated once, and a known token not at all.
        builder.Services.Configure<AuthenticationOptions>(o => o.DefaultScheme = EdgeAuthentication.Scheme);
        var policies = builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(EdgeAuthentication.Scheme)
            .RequireAuthenticatedUser());
        foreach (var audience in ApiAudiences)
        {
            policies.AddPolicy(PolicyFor(audience), p => p
                .AddAuthenticationSchemes(EdgeAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => ctx.User.HasAudience(audience)));
        }

        var anonymous = builder.Configuration.GetSection("Gateway:AnonymousPaths").Get<string[]>() is { Length: > 0 } configured ? configured : DefaultAnonymousPaths;
        builder.Services.AddSingleton<IProxyConfigFilter>(new TokenPolicyFilter(anonymous));
        return builder;
    }

    private sealed class TokenPolicyFilter(string[] anonymousPaths) : IProxyConfigFilter
    {
        public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => ValueTask.FromResult(cluster);

        public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
        {
            if (!string.IsNullOrEmpty(route.AuthorizationPolicy))
            {
                return ValueTask.FromResult(route);
            }

            var path = route.Match.Path ?? "";
            var open = anonymousPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));
            var policy = open ? "anonymous" : ApiAudiences.Contains(route.ClusterId) ? PolicyFor(route.ClusterId!) : Policy;
            return ValueTask.FromResult(route with { AuthorizationPolicy = policy });
        }
    }

    private static string PolicyFor(string audience) => $"{Policy}:{audience}";
}
