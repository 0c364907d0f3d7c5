namespace Marketplace.Identity.Organisations;

/// <summary>
/// DELETE /api/v1/organisations/{id}/invitations/{invitationId}: the link stops working at once. Withdrawing an invitation
/// already withdrawn or expired is a no-op (204); one already accepted is a 409, the person is a member (remove them instead).
/// </summary>
public static class WithdrawInvitation
{
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Handle(
        Guid id, Guid invitationId, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invitation = user.CanManageOrganisation(id)
            ? await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == id, cancellationToken)
            : null;
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }

        if (invitation.AcceptedAt is not null)
        {
            return TypedResults.Problem("The invitation was accepted already: the person is a member. Remove them from the members list instead.",
                statusCode: StatusCodes.Status409Conflict, title: "Invitation accepted");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation.ExpiresAt > now)
        {
            invitation.ExpiresAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
