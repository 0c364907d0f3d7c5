using Marketplace.ServiceDefaults.Paging;

namespace Marketplace.Identity.Organisations;

/// <summary>GET /api/v1/organisations/{id}/invitations: the invitations still open (not accepted, not expired), newest first, in one page.</summary>
public static class ListInvitations
{
    public static async Task<Results<Ok<Page<InvitationDto>>, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id))
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganisationId == id && i.AcceptedAt == null && i.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<InvitationDto>([.. open.OrderByDescending(i => i.CreatedAt).Select(InvitationDto.Of)], null));
    }
}
