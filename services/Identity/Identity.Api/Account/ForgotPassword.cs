using Marketplace.Identity.Mail;
using Marketplace.ServiceDefaults;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Account;

/// <summary>GET and POST /account/forgot-password: mails a reset link, with the same answer whether or not the address exists.</summary>
public static class ForgotPassword
{
    public static IResult Page(HttpContext http, IAntiforgery antiforgery) =>
        Html.Page("Reset your password", Html.Form(http, antiforgery, "/account/forgot-password", Html.Input("email", "Email", "email"), "Send link"));

    public static async Task<IResult> Handle(HttpContext http, IAntiforgery antiforgery, UserManager<MarketplaceUser> users,
        IMailSender mail, IOptions<MarketplaceOptions> marketplace, CancellationToken cancellationToken)
    {
        if (await AccountForms.ReadAsync(http, antiforgery) is not { } form)
        {
            return Html.Page("Reset your password", Html.Error("The form expired."), StatusCodes.Status400BadRequest);
        }

        var email = form["email"].ToString();
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is not null)
        {
            var code = AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = $"{AccountTokens.PublicBase(http, marketplace.Value)}/account/reset-password?userId={user.Id}&code={code}";
            await mail.SendAsync(user.Email!, "Reset your password", $"Someone asked to reset the password of your Symbiosis Marketplace account.\n\nSet a new password: {link}\n\nIf it was not you, ignore this message.", cancellationToken);
        }

        // Same answer whether or not the address exists: no account enumeration.
        return Html.Page("Check your email", Html.Note("If the address belongs to an account, a reset link is on its way."));
    }
}
