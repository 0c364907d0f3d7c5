using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;

namespace Marketplace.Identity.Tokens;

/// <summary>GET or POST /connect/logout: ends the portal session and returns to the client's registered post-logout address.</summary>
public static class EndSession
{
    public static async Task<IResult> Handle(HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
