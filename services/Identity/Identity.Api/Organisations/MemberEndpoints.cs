using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Identity.Account;
using Marketplace.Identity.Data;
using Marketplace.Identity.Mail;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

public sealed record InviteRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, RegularExpression("^(member|admin|operator|platform-admin)$", ErrorMessage = "role must be member, admin, operator or platform-admin.")] string Role);

public sealed record InvitationDto(Guid Id, string Email, string Role, DateTime ExpiresAt);

public sealed record MemberDto(Guid UserId, string? Email, string? DisplayName, string Role, bool EmailConfirmed, bool LockedOut);

public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}").WithTags("Members").RequireOrganisationManager();
        group.MapGet("/members", ListMembers).WithName(nameof(ListMembers))
            .WithSummary("List members")
            .WithDescription("The organisation's users with their roles and whether they have accepted their invitation. `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/invitations", Invite).WithName(nameof(Invite))
            .WithSummary("Invite a member")
            .WithDescription("E-mails an invitation to join the organisation; the link lets the person choose a password and sign in.")
            .RequireScope(Scopes.Admin);
        return app;
    }

    /// <summary>An organisation's people by email, all in one page (<c>nextCursor</c> null).</summary>
    public static async Task<Results<Ok<Page<MemberDto>>, NotFound>> ListMembers(
        Guid id, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id))
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

    /// <summary>Admins invite members and admins to their company; only the operator grants operator roles, and only within its own organisation.</summary>
    public static async Task<Results<Created<InvitationDto>, NotFound, ValidationProblem>> Invite(
        Guid id, InviteRequest request, ClaimsPrincipal user, IdentityDataContext db, IMailSender mail,
        IOptions<IdentityServiceOptions> settings, IOptions<MarketplaceOptions> marketplace, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id))
        {
            return TypedResults.NotFound();
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        if (RoleEndpoints.RoleError(organisation.Kind, user, request.Role) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [error] });
        }

        var token = StageInvitation(db, id, request.Email, request.Role, user, settings.Value, clock);
        await db.SaveChangesAsync(cancellationToken);
        await SendInvitationAsync(mail, http, marketplace.Value, organisation.Name, request.Email, request.Role, token, cancellationToken);
        var invitation = db.Invitations.Local.First(i => i.TokenHash == AccountEndpoints.HashToken(token));
        return TypedResults.Created($"/api/v1/organisations/{id}/invitations/{invitation.Id}",
            new InvitationDto(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt));
    }

    /// <summary>Adds an invitation to the context (saved by the caller) and returns the token for the email.</summary>
    internal static string StageInvitation(IdentityDataContext db, Guid organisationId, string email, string role, ClaimsPrincipal inviter,
        IdentityServiceOptions settings, TimeProvider clock)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        db.Invitations.Add(new Invitation
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId,
            Email = email.Trim(),
            Role = role,
            TokenHash = AccountEndpoints.HashToken(token),
            CreatedAt = now,
            ExpiresAt = now + settings.InvitationLifetime,
            InvitedBy = Guid.TryParse(inviter.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject), out var by) ? by : Guid.Empty,
        });
        return token;
    }

    internal static Task SendInvitationAsync(IMailSender mail, HttpContext http, MarketplaceOptions marketplace, string organisationName,
        string email, string role, string token, CancellationToken cancellationToken)
    {
        var link = $"{AccountEndpoints.PublicBase(http, marketplace)}/account/accept-invitation?token={token}";
        return mail.SendAsync(email, $"You are invited to {organisationName} on the Symbiosis Marketplace",
            $"You are invited to join {organisationName} as {role}.\n\nAccept the invitation and choose a password: {link}\n\nThe link works once and expires in a few days.", cancellationToken);
    }
}
