using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Marketplace.Portal.Auth;

/// <summary>
/// The portal's own two schemes, never the host's default: a cookie session and OpenID Connect (authorization code +
/// PKCE) against Identity. Only the portal's pages name them, so the API keeps answering bearer-token callers alone.
/// </summary>
public static class PortalAuthentication
{
    public const string CookieScheme = "portal";
    public const string OidcScheme = "portal-oidc";
    public const string Policy = "portal-user";

    /// <summary>The API scopes a company user's session asks for; Identity grants those the user's role allows (admin: an organisation admin's settings).</summary>
    public static readonly IReadOnlyList<string> Scopes =
    [
        "openid", "profile", "email", "offline_access",
        "listings.read", "listings.write", "matches.read", "matches.write", "brokerage.read", "brokerage.write", "admin", "notifications",
        // Granted to operators only (Identity decides); the console's billing pages need it.
        "billing",
    ];

    /// <summary>
    /// The session's user on a portal request that no portal policy authenticated (a page-not-found, a form open to
    /// strangers too): the host's default scheme is the API's bearer token, which a browser never sends.
    /// </summary>
    internal static async Task UseSessionUserAsync(HttpContext http)
    {
        if ((await http.AuthenticateAsync(CookieScheme)).Principal is { } user)
        {
            http.User = user;
        }
    }

    internal static void AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddTransient<SessionTokenEvents>();
        services.AddAuthentication()
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "symbiosis.portal";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ForwardChallenge = OidcScheme;
                o.AccessDeniedPath = "/signed-out";
                o.EventsType = typeof(SessionTokenEvents);
            })
            .AddOpenIdConnect(OidcScheme, o =>
            {
                o.SignInScheme = CookieScheme;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.CallbackPath = "/signin-oidc";
                o.SignedOutCallbackPath = "/signout-callback-oidc";
                o.SignedOutRedirectUri = "/signed-out";
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                // The answer comes back as a top-level GET (response_mode=query): Lax is enough, and plain-HTTP local runs keep the cookies.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Identity refused (account locked, membership removed) or the user went back mid-way: a page in words, not a 500.
                o.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/signed-out?failed=1");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                o.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    o.Scope.Add(scope);
                }
            });
        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<PortalAddresses, IOptions<PortalOptions>>((o, addresses, portal) =>
        {
            o.Authority = addresses.Authority.ToString();
            o.MetadataAddress = portal.Value.MetadataAddress;
            var metadata = string.IsNullOrWhiteSpace(portal.Value.MetadataAddress) ? addresses.Authority : new Uri(portal.Value.MetadataAddress);
            o.RequireHttpsMetadata = metadata.Scheme == Uri.UriSchemeHttps;
            if (!string.IsNullOrWhiteSpace(portal.Value.MetadataAddress))
            {
                // Read inside the deployment, the discovery document names Identity's internal address; the browser
                // must be sent to the public one. The back channel (token, keys) may stay inside.
                o.Events.OnRedirectToIdentityProvider = context => Public(context.ProtocolMessage, addresses.Authority);
                o.Events.OnRedirectToIdentityProviderForSignOut = context => Public(context.ProtocolMessage, addresses.Authority);
            }
            o.ClientId = portal.Value.ClientId;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<PortalOptions>>((o, portal) =>
            o.ExpireTimeSpan = portal.Value.SessionLifetime);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
    }

    /// <summary>The endpoint the browser is sent to, on the public authority: same path, public scheme and host.</summary>
    internal static Task Public(OpenIdConnectMessage message, Uri authority)
    {
        message.IssuerAddress = PublicAddress(message.IssuerAddress, authority);
        return Task.CompletedTask;
    }

    public static string PublicAddress(string endpoint, Uri authority) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            ? new Uri(authority, uri.AbsolutePath.TrimStart('/')).ToString()
            : endpoint;
}
