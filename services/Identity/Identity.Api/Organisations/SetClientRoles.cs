using System.ComponentModel.DataAnnotations;
using Marketplace.Identity.Tokens;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Organisations;

public sealed record SetClientRolesRequest([property: Required, MaxLength(2)] string[] Roles);

public sealed record ClientRolesDto(string ClientId, IReadOnlyList<string> Roles, Guid OrganisationId);

/// <summary>PUT /api/v1/organisations/{id}/clients/{clientId}/roles: replaces an API client's roles (<see cref="RoleRules"/>).</summary>
public static class SetClientRoles
{
    public static async Task<Results<Ok<ClientRolesDto>, NotFound, ValidationProblem>> Handle(
        Guid id, string clientId, SetClientRolesRequest request, ClaimsPrincipal user, IdentityDataContext db,
        IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id) || clientId.Length > 100
            || await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organisation
            || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application
            || ClientBinding.From(await applications.GetPropertiesAsync(application, cancellationToken)) is not { } binding
            || binding.OrganisationId != id)
        {
            return TypedResults.NotFound();
        }

        var roles = request.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (Error(organisation.Kind, user, roles, binding) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [error] });
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        (binding with { Roles = roles }).WriteTo(descriptor);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return TypedResults.Ok(new ClientRolesDto(clientId, roles, id));
    }

    /// <summary>An API client holds no role or an operator role; an operator's client is changed by an operator only.</summary>
    private static string? Error(string organisationKind, ClaimsPrincipal user, IReadOnlyList<string> roles, ClientBinding binding)
    {
        var error = roles.Select(r => RoleRules.RoleError(organisationKind, user, r) ?? (r is Roles.Operator or Roles.PlatformAdmin ? null : "An API client holds no role, or an operator role in the operator's organisation."))
            .FirstOrDefault(e => e is not null);
        return error is null && binding.Roles.Count > 0 && !user.IsOperator() ? "Only an operator changes the roles of an operator's client." : error;
    }
}
