using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Marketplace.Identity.Tokens;

internal static class TokenRefusals
{
    /// <summary>OpenIddict answers the client with this OAuth error and description.</summary>
    public static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
