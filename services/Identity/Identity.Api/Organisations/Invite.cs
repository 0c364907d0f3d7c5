using System.ComponentModel.DataAnnotations;
using Marketplace.Identity.Account;
using Marketplace.Identity.Mail;
using Marketplace.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Organisations;

public sealed record InviteRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, RegularExpression("^(member|admin|operator|platform-admin)$", ErrorMessage = "role must be member, admin, operator or platform-admin.")] string Role);

public sealed record InvitationDto(Guid Id, string Email, string Role, DateTime ExpiresAt);

/// <summary>
/// POST /api/v1/organisations/{id}/invitations: admins invite members and admins to their company; only the operator
/// grants operator roles, and only within its own organisation.
/// </summary>
public static class Invite
{
    public static async Task<Results<Created<InvitationDto>, NotFound, ValidationProblem>> Handle(
        Guid id, InviteRequest request, ClaimsPrincipal user, IdentityDataContext db, IMailSender mail,
        IOptions<IdentityServiceOptions> settings, IOptions<MarketplaceOptions> marketplace, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id))
        {
            return TypedResults.NotFound();
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        if (RoleRules.RoleError(organisation.Kind, user, request.Role) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [error] });
        }

        var token = Invitations.Stage(db, id, request.Email, request.Role, user, settings.Value, clock);
        await db.SaveChangesAsync(cancellationToken);
        await Invitations.SendAsync(mail, http, marketplace.Value, organisation.Name, request.Email, request.Role, token, cancellationToken);
        var invitation = db.Invitations.Local.First(i => i.TokenHash == AccountTokens.Hash(token));
        return TypedResults.Created($"/api/v1/organisations/{id}/invitations/{invitation.Id}",
            new InvitationDto(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt));
    }
}
