using System.ComponentModel.DataAnnotations;
using Marketplace.Identity.Account;
using Marketplace.Identity.Mail;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Organisations;

public sealed record InviteRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, RegularExpression("^(member|admin|operator|platform-admin)$", ErrorMessage = "role must be member, admin, operator or platform-admin.")] string Role);

public sealed record InvitationDto(Guid Id, string Email, string Role, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt)
{
    public static InvitationDto Of(Invitation i) => new(i.Id, i.Email, i.Role, i.ExpiresAt.AsOffset(), i.CreatedAt.AsOffset());
}

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

        var email = request.Email.Trim();
        var normalised = email.ToUpperInvariant();
        if (await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedEmail == normalised, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = ["An account with this email exists already: change its role in the members list, or ask the operator to move it."],
            });
        }

        // Inviting the same address again sends a fresh link and withdraws the older one: one open invitation per person.
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Invitations.Where(i => i.OrganisationId == id && i.AcceptedAt == null && i.ExpiresAt > now).ToListAsync(cancellationToken);
        foreach (var older in open.Where(i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            older.ExpiresAt = now;
        }

        var token = Invitations.Stage(db, id, request.Email, request.Role, user, settings.Value, clock);
        await db.SaveChangesAsync(cancellationToken);
        await Invitations.SendAsync(mail, http, marketplace.Value, organisation.Name, request.Email, request.Role, token, cancellationToken);
        var invitation = db.Invitations.Local.First(i => i.TokenHash == AccountTokens.Hash(token));
        return TypedResults.Created($"/api/v1/organisations/{id}/invitations/{invitation.Id}",
            InvitationDto.Of(invitation));
    }
}
