using System.Security.Cryptography;
using Marketplace.Identity.Account;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Identity.Notifications;

/// <summary>
/// The unsubscribe link every notification e-mail carries: <c>/account/unsubscribe?token=</c>, a token protected for
/// this purpose that names the person. GET shows a one-button page; POST (that button, or a mail client's RFC 8058
/// one-click post) turns notification e-mail off. No sign-in: the token is the permission, and it does nothing else.
/// </summary>
public static class Unsubscribe
{
    private const string Purpose = "Marketplace.Identity.Notifications.Unsubscribe.v1";

    public static string Token(IDataProtectionProvider protection, Guid personId) =>
        WebEncoders.Base64UrlEncode(protection.CreateProtector(Purpose).Protect(personId.ToByteArray()));

    public static Guid? PersonOf(IDataProtectionProvider protection, string? token)
    {
        try
        {
            var bytes = protection.CreateProtector(Purpose).Unprotect(WebEncoders.Base64UrlDecode(token ?? ""));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public static IResult Page(string? token, IDataProtectionProvider protection)
    {
        if (PersonOf(protection, token) is null)
        {
            return Invalid();
        }

        return Html.Page("Stop notification e-mails",
            Html.Note("You will no longer get e-mails about suggestions, deals and deliveries. Notifications stay in the portal, and you can turn e-mail back on in your settings.") +
            $"<form method=\"post\" action=\"/account/unsubscribe?token={Html.E(token)}\"><button type=\"submit\">Stop notification e-mails</button></form>");
    }

    public static async Task<IResult> Handle(string? token, IDataProtectionProvider protection, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (PersonOf(protection, token) is not { } personId || !await db.Users.AnyAsync(u => u.Id == personId, cancellationToken))
        {
            return Invalid();
        }

        await NotificationPreferences.SetAsync(db, personId, NotificationEmail.Off, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Html.Page("Notification e-mails stopped",
            Html.Note("Done: no more notification e-mails. You can turn them back on under Settings, Notifications.") + "<p><a href=\"/settings/notifications\">Notification settings</a></p>");
    }

    private static IResult Invalid() =>
        Html.Page("Stop notification e-mails", Html.Error("This link is not valid. Sign in and choose under Settings, Notifications."), StatusCodes.Status400BadRequest);
}
