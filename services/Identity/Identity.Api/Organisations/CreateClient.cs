using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Marketplace.Identity.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

public sealed record CreateClientRequest(
    [property: Required, StringLength(100, MinimumLength = 2)] string Name,
    [property: Required, MinLength(1), MaxLength(20)] string[] Scopes);

public sealed record ClientCreatedDto(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, Guid OrganisationId);

/// <summary>POST /api/v1/organisations/{id}/clients: a client-credentials client with the scopes asked for; the secret is in this answer only.</summary>
public static class CreateClient
{
    public static async Task<Results<Created<ClientCreatedDto>, NotFound, ValidationProblem>> Handle(
        Guid id, CreateClientRequest request, ClaimsPrincipal user, IdentityDataContext db,
        IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id) || !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var unknown = request.Scopes.Where(s => !Scopes.All.Contains(s) || s == Scopes.Admin && !user.IsOperator()).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["scopes"] = [$"Not grantable: {string.Join(", ", unknown)}. Allowed: {string.Join(", ", Scopes.All.Where(s => s != Scopes.Admin))}."],
            });
        }

        var clientId = $"client-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var secret = RandomSecrets.UrlSafe();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = request.Name.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in request.Scopes.Distinct())
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        new ClientBinding(id, []).WriteTo(descriptor);
        await applications.CreateAsync(descriptor, cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{id}/clients/{clientId}",
            new ClientCreatedDto(clientId, secret, descriptor.DisplayName, [.. request.Scopes.Distinct()], id));
    }
}
