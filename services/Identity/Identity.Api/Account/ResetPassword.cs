using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Account;

/// <summary>GET and POST /account/reset-password: the mailed link sets a new password and lifts a lockout.</summary>
public static class ResetPassword
{
    public static IResult Page(HttpContext http, IAntiforgery antiforgery, string? userId, string? code, string? error = null) =>
        Html.Page("Choose a new password", Html.Error(error) + Html.Form(http, antiforgery, "/account/reset-password",
            Html.Hidden("userId", userId) + Html.Hidden("code", code) + Html.Input("password", "New password", "password"), "Save"),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    public static async Task<IResult> Handle(HttpContext http, IAntiforgery antiforgery, UserManager<MarketplaceUser> users)
    {
        if (await AccountForms.ReadAsync(http, antiforgery) is not { } form)
        {
            return Html.Page("Choose a new password", Html.Error("The form expired."), StatusCodes.Status400BadRequest);
        }

        string userId = form["userId"].ToString(), code = form["code"].ToString();
        var user = Guid.TryParse(userId, out _) ? await users.FindByIdAsync(userId) : null;
        if (user is null)
        {
            return Page(http, antiforgery, userId, code, "This link is invalid or has expired.");
        }

        var result = await users.ResetPasswordAsync(user, AccountTokens.Decode(code), form["password"].ToString());
        if (!result.Succeeded)
        {
            return Page(http, antiforgery, userId, code, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Html.Page("Password changed", Html.Note("Your password is changed. You can sign in now.") + "<p><a href=\"/account/login\">Sign in</a></p>");
    }
}
