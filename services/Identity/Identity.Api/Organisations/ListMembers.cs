using Marketplace.ServiceDefaults.Paging;

namespace Marketplace.Identity.Organisations;

public sealed record MemberDto(Guid UserId, string? Email, string? DisplayName, string Role, bool EmailConfirmed, bool LockedOut);

/// <summary>GET /api/v1/organisations/{id}/members: an organisation's people by email, all in one page (<c>nextCursor</c> null).</summary>
public static class ListMembers
{
    public static async Task<Results<Ok<Page<MemberDto>>, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id))
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.OrganisationId == id
                          select new { u.Id, u.Email, u.DisplayName, m.Role, u.EmailConfirmed, u.LockoutEnd }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<MemberDto>(
            [.. rows.OrderBy(r => r.Email).Select(r => new MemberDto(r.Id, r.Email, r.DisplayName, r.Role, r.EmailConfirmed, r.LockoutEnd > now))], null));
    }
}
