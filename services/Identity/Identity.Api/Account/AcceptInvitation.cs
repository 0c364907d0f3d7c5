using Marketplace.Identity.Organisations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Account;

/// <summary>GET and POST /account/accept-invitation: the invited person chooses a name and a password and joins the organisation.</summary>
public static class AcceptInvitation
{
    public static async Task<IResult> Page(HttpContext http, IAntiforgery antiforgery, IdentityDataContext db, TimeProvider clock, string? token, string? error = null)
    {
        var invitation = await FindAsync(db, clock, token);
        if (invitation is null)
        {
            return Html.Page("Invitation", Html.Error("This invitation is invalid, used or expired."), StatusCodes.Status400BadRequest);
        }

        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == invitation.OrganisationId);
        return Html.Page($"Join {organisation.Name}", Html.Error(error) + Html.Note($"You are invited as {invitation.Role} with {invitation.Email}.") +
            Html.Form(http, antiforgery, "/account/accept-invitation",
                Html.Hidden("token", token) + Html.Input("displayName", "Your name") + Html.Input("password", "Choose a password", "password"), "Join"),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> Handle(HttpContext http, IAntiforgery antiforgery, IdentityDataContext db,
        UserManager<MarketplaceUser> users, TimeProvider clock)
    {
        if (await AccountForms.ReadAsync(http, antiforgery) is not { } form)
        {
            return Html.Page("Invitation", Html.Error("The form expired."), StatusCodes.Status400BadRequest);
        }

        var token = form["token"].ToString();
        var invitation = await FindAsync(db, clock, token);
        if (invitation is null)
        {
            return Html.Page("Invitation", Html.Error("This invitation is invalid, used or expired."), StatusCodes.Status400BadRequest);
        }

        var displayName = form["displayName"].ToString().Trim();
        var error = displayName.Length is 0 or > 200 ? "Give your name (at most 200 characters)."
            : await users.FindByEmailAsync(invitation.Email) is not null ? "An account with this email exists already; ask the operator to move it."
            : await JoinAsync(db, users, invitation, displayName, form["password"].ToString(), clock);
        return error is null
            ? Html.Page("Welcome", Html.Note("Your account is ready. You can sign in now.") + "<p><a href=\"/account/login\">Sign in</a></p>")
            : await Page(http, antiforgery, db, clock, token, error);
    }

    /// <summary>The account (its address confirmed: the invitation travelled by email) and its membership; Identity's errors when it refuses the account.</summary>
    private static async Task<string?> JoinAsync(IdentityDataContext db, UserManager<MarketplaceUser> users, Invitation invitation, string displayName, string password, TimeProvider clock)
    {
        var user = new MarketplaceUser
        {
            Id = Guid.CreateVersion7(), UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true,
            OrganisationId = invitation.OrganisationId, DisplayName = displayName,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return string.Join(" ", created.Errors.Select(e => e.Description));
        }

        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = invitation.OrganisationId, Role = invitation.Role });
        invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>The open invitation with this token: not accepted and not expired.</summary>
    private static async Task<Invitation?> FindAsync(IdentityDataContext db, TimeProvider clock, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = AccountTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash);
        return invitation is { AcceptedAt: null } && invitation.ExpiresAt > now ? invitation : null;
    }
}
