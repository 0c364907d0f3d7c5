using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Account;

/// <summary>GET /account/confirm-email: the link mailed on self-registration confirms the address.</summary>
public static class ConfirmEmail
{
    public static async Task<IResult> Handle(string? userId, string? code, UserManager<MarketplaceUser> users)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || code is null || !(await users.ConfirmEmailAsync(user, AccountTokens.Decode(code))).Succeeded)
        {
            return Html.Page("Email confirmation", Html.Error("This link is invalid or has expired."), StatusCodes.Status400BadRequest);
        }

        return Html.Page("Email confirmed", Html.Note("Thank you. You can now sign in.") + "<p><a href=\"/account/login\">Sign in</a></p>");
    }
}
