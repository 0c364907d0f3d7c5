using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Account;

/// <summary>POST /account/logout: ends the sign-in cookie's session.</summary>
public static class Logout
{
    public static async Task<IResult> Handle(HttpContext http, IAntiforgery antiforgery, SignInManager<MarketplaceUser> signIn)
    {
        if (await AccountForms.ReadAsync(http, antiforgery) is null)
        {
            return Html.Page("Sign out", Html.Error("The form expired."), StatusCodes.Status400BadRequest);
        }

        await signIn.SignOutAsync();
        return Html.Page("Signed out", Html.Note("You are signed out.") + "<p><a href=\"/\">Sign in again</a></p>");
    }
}
