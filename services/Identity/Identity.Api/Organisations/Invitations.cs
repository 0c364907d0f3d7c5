using Marketplace.Identity.Account;
using Marketplace.Identity.Mail;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults;

namespace Marketplace.Identity.Organisations;

/// <summary>What inviting a member and registering a company with a first admin share: the invitation row and its email.</summary>
internal static class Invitations
{
    /// <summary>Adds an invitation to the context (saved by the caller) and returns the token for the email.</summary>
    public static string Stage(IdentityDataContext db, Guid organisationId, string email, string role, ClaimsPrincipal inviter,
        IdentityServiceOptions settings, TimeProvider clock)
    {
        var token = RandomSecrets.UrlSafe();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Invitations.Add(new Invitation
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId,
            Email = email.Trim(),
            Role = role,
            TokenHash = AccountTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + settings.InvitationLifetime,
            InvitedBy = Guid.TryParse(inviter.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject), out var by) ? by : Guid.Empty,
        });
        return token;
    }

    public static Task SendAsync(IMailSender mail, HttpContext http, MarketplaceOptions marketplace, string organisationName,
        string email, string role, string token, CancellationToken cancellationToken)
    {
        var link = $"{AccountTokens.PublicBase(http, marketplace)}/account/accept-invitation?token={token}";
        return mail.SendAsync(email, $"You are invited to {organisationName} on the Symbiosis Marketplace",
            $"You are invited to join {organisationName} as {role}.\n\nAccept the invitation and choose a password: {link}\n\nThe link works once and expires in a few days.", cancellationToken);
    }
}
