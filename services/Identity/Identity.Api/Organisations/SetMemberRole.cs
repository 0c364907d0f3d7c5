using System.ComponentModel.DataAnnotations;

namespace Marketplace.Identity.Organisations;

public sealed record SetMemberRoleRequest(
    [property: Required, RegularExpression("^(member|admin|operator|platform-admin)$", ErrorMessage = "role must be member, admin, operator or platform-admin.")] string Role);

/// <summary>PUT /api/v1/organisations/{id}/members/{userId}/role: gives a member another role (<see cref="RoleRules"/>).</summary>
public static class SetMemberRole
{
    public static async Task<Results<Ok<MemberDto>, NotFound, ValidationProblem>> Handle(
        Guid id, Guid userId, SetMemberRoleRequest request, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id)
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

        if (RoleRules.RoleError(organisation.Kind, user, request.Role) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [error] });
        }

        if (RoleRules.LastAdminError(membership.Role, request.Role,
                await db.Memberships.CountAsync(m => m.OrganisationId == id && m.Role == Roles.Admin, cancellationToken)) is { } lastAdmin)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [lastAdmin] });
        }

        membership.Role = request.Role;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new MemberDto(person.Id, person.Email, person.DisplayName, membership.Role, person.EmailConfirmed, person.LockoutEnd > clock.GetUtcNow()));
    }
}
