using Marketplace.Identity.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Organisations;

internal static class OwnedClients
{
    /// <summary>A confidential client bound to organisation <paramref name="id"/> that the caller may manage; otherwise null (a 404).</summary>
    public static async Task<object?> FindAsync(Guid id, string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id) || clientId.Length > 100)
        {
            return null;
        }

        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null || await applications.GetClientTypeAsync(application, cancellationToken) != ClientTypes.Confidential)
        {
            return null;
        }

        var binding = ClientBinding.From(await applications.GetPropertiesAsync(application, cancellationToken));
        // The operator's own clients (with roles) are not managed through a company's endpoints.
        return binding is not null && binding.OrganisationId == id && (binding.Roles.Count == 0 || user.IsOperator()) ? application : null;
    }
}
