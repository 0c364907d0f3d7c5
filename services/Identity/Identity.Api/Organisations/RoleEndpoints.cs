using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Identity.Data;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

public sealed record SetMemberRoleRequest(
    [property: Required, RegularExpression("^(member|admin|operator|platform-admin)$", ErrorMessage = "role must be member, admin, operator or platform-admin.")] string Role);

public sealed record SetClientRolesRequest([property: Required, MaxLength(2)] string[] Roles);

public sealed record ClientRolesDto(string ClientId, IReadOnlyList<string> Roles, Guid OrganisationId);

/// <summary>
/// Changing what a person or an API client may do. A company admin moves its people between member and admin; only an
/// operator grants operator roles, to people and API clients of the operator's own organisation. Takes effect with the next token.
/// </summary>
public static class RoleEndpoints
{
    public static IEndpointRouteBuilder MapRoleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}").WithTags("Members").RequireOrganisationManager();
        group.MapPut("/members/{userId:guid}/role", SetMemberRole).WithName(nameof(SetMemberRole))
            .WithSummary("Set a member's role")
            .WithDescription("Gives a member the admin or member role; only the operator may grant the operator role.")
            .RequireScope(Scopes.Admin);
        group.MapPut("/clients/{clientId}/roles", SetClientRoles).WithName(nameof(SetClientRoles))
            .WithSummary("Set an API client's roles")
            .WithDescription("Replaces the roles of an API client; only the operator may grant the operator role.")
            .RequireScope(Scopes.Admin);
        return app;
    }

    public static async Task<Results<Ok<MemberDto>, NotFound, ValidationProblem>> SetMemberRole(
        Guid id, Guid userId, SetMemberRoleRequest request, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id)
            || await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organisation)
        {
            return TypedResults.NotFound();
        }

        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.OrganisationId == id && m.UserId == userId, cancellationToken);
        var person = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (membership is null || person is null)
        {
            return TypedResults.NotFound();
        }

        if (RoleError(organisation.Kind, user, request.Role) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [error] });
        }

        membership.Role = request.Role;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new MemberDto(person.Id, person.Email, person.DisplayName, membership.Role, person.EmailConfirmed, person.LockoutEnd > clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<ClientRolesDto>, NotFound, ValidationProblem>> SetClientRoles(
        Guid id, string clientId, SetClientRolesRequest request, ClaimsPrincipal user, IdentityDataContext db,
        IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id) || clientId.Length > 100
            || await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organisation
            || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application
            || ClientBinding.From(await applications.GetPropertiesAsync(application, cancellationToken)) is not { } binding
            || binding.OrganisationId != id)
        {
            return TypedResults.NotFound();
        }

        var roles = request.Roles.Distinct(StringComparer.Ordinal).ToList();
        var error = roles.Select(r => RoleError(organisation.Kind, user, r) ?? (r is Roles.Operator or Roles.PlatformAdmin ? null : "An API client holds no role, or an operator role in the operator's organisation."))
            .FirstOrDefault(e => e is not null);
        if (error is null && binding.Roles.Count > 0 && !user.IsOperator())
        {
            error = "Only an operator changes the roles of an operator's client.";
        }

        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [error] });
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        (binding with { Roles = roles }).WriteTo(descriptor);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return TypedResults.Ok(new ClientRolesDto(clientId, roles, id));
    }

    /// <summary>Operator roles only in the operator's organisation and only from an operator; company roles only in companies.</summary>
    internal static string? RoleError(string organisationKind, ClaimsPrincipal caller, string role)
    {
        var operatorRole = role is Roles.Operator or Roles.PlatformAdmin;
        var operatorOrganisation = organisationKind == OrganisationKinds.Operator;
        if (operatorRole != operatorOrganisation)
        {
            return operatorOrganisation ? "The operator's staff are operator or platform-admin." : "A company's people are member or admin.";
        }

        return operatorRole && !caller.IsOperator() ? "Only an operator grants operator roles." : null;
    }
}
