using Marketplace.Identity.Tokens;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Organisations;

public sealed record SecretDto(string ClientId, string ClientSecret);

/// <summary>
/// POST /api/v1/organisations/{id}/clients/{clientId}/secret: a new secret replaces the old one at once; tokens already
/// issued stay valid until they expire.
/// </summary>
public static class RotateClientSecret
{
    public static async Task<Results<Ok<SecretDto>, NotFound>> Handle(
        Guid id, string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (await OwnedClients.FindAsync(id, clientId, user, applications, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound();
        }

        var secret = RandomSecrets.UrlSafe();
        await applications.UpdateAsync(application, secret, cancellationToken);
        return TypedResults.Ok(new SecretDto(clientId, secret));
    }
}
