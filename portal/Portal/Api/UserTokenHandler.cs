using System.Net.Http.Headers;
using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Marketplace.Portal.Api;

/// <summary>Every API call carries the signed-in user's access token (kept fresh by <see cref="SessionTokenEvents"/>).</summary>
internal sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && await context.GetTokenAsync(PortalAuthentication.CookieScheme, "access_token") is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
