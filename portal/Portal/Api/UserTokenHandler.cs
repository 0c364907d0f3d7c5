using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Marketplace.Portal.Api;

/// <summary>Every API call carries the signed-in user's access token (kept fresh by <see cref="SessionTokenEvents"/>); an unreachable API is a 503 problem.</summary>
internal sealed class UserTokenHandler(IHttpContextAccessor accessor, ILogger<UserTokenHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && await context.GetTokenAsync(PortalAuthentication.CookieScheme, "access_token") is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // The page says the service did not answer; the details go to the log, never to the page.
            logger.LogWarning(e, "The API did not answer {Method} {Uri}", request.Method, request.RequestUri);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                RequestMessage = request,
                Content = JsonContent.Create(new { title = "The marketplace service did not answer. Try again in a moment.", status = 503 }),
            };
        }
    }
}
