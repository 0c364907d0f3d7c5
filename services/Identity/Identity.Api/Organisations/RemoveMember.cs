using OpenIddict.Abstractions;

namespace Marketplace.Identity.Organisations;

/// <summary>
/// DELETE /api/v1/organisations/{id}/members/{userId}: the person leaves the company. Their membership goes, their tokens are
/// revoked (no refresh, no new sign-in), their account stays for the records it signed. The last admin stays (409).
/// </summary>
public static class RemoveMember
{
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Handle(
        Guid id, Guid userId, ClaimsPrincipal user, IdentityDataContext db, IOpenIddictTokenManager tokens, CancellationToken cancellationToken)
    {
        var membership = user.CanManageOrganisation(id)
            ? await db.Memberships.FirstOrDefaultAsync(m => m.OrganisationId == id && m.UserId == userId, cancellationToken)
            : null;
        if (membership is null)
        {
            return TypedResults.NotFound();
        }

        var admins = await db.Memberships.CountAsync(m => m.OrganisationId == id && m.Role == Roles.Admin, cancellationToken);
        if (RoleRules.LastAdminError(membership.Role, newRole: null, admins) is { } lastAdmin)
        {
            return TypedResults.Problem(lastAdmin, statusCode: StatusCodes.Status409Conflict, title: "Last admin");
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        await tokens.RevokeBySubjectAsync(userId.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }
}
