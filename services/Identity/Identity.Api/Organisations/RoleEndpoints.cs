using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

/// <summary>
/// The route table for changing what a person or an API client may do (<see cref="RoleRules"/>); each use case has its own
/// file. Takes effect with the next token.
/// </summary>
public static class RoleEndpoints
{
    public static IEndpointRouteBuilder MapRoleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}").WithTags("Members").RequireOrganisationManager();
        group.MapPut("/members/{userId:guid}/role", SetMemberRole.Handle).WithName(nameof(SetMemberRole))
            .WithSummary("Set a member's role")
            .WithDescription("Gives a member the admin or member role; only the operator may grant the operator role.")
            .RequireScope(Scopes.Admin);
        group.MapPut("/clients/{clientId}/roles", SetClientRoles.Handle).WithName(nameof(SetClientRoles))
            .WithSummary("Set an API client's roles")
            .WithDescription("Replaces the roles of an API client; only the operator may grant the operator role.")
            .RequireScope(Scopes.Admin);
        return app;
    }
}
