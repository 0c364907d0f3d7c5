using OpenIddict.Abstractions;

namespace Marketplace.Identity.Organisations;

/// <summary>DELETE /api/v1/organisations/{id}/clients/{clientId}: deletes the client and revokes the token entries it holds; it can no longer obtain tokens.</summary>
public static class RevokeClient
{
    public static async Task<Results<NoContent, NotFound>> Handle(
        Guid id, string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, CancellationToken cancellationToken)
    {
        if (await OwnedClients.FindAsync(id, clientId, user, applications, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound();
        }

        var applicationId = await applications.GetIdAsync(application, cancellationToken);
        if (applicationId is not null)
        {
            await tokens.RevokeByApplicationIdAsync(applicationId, cancellationToken);
        }

        await applications.DeleteAsync(application, cancellationToken);
        return TypedResults.NoContent();
    }
}
