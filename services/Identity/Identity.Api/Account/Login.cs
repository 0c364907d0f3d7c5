using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Account;

/// <summary>GET and POST /account/login: the sign-in form; a locked or unconfirmed account is told so.</summary>
public static class Login
{
    public static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error = null, string? email = null) =>
        Html.Page("Sign in", Html.Error(error) + Html.Form(http, antiforgery, "/account/login",
            Html.Hidden("returnUrl", returnUrl) + Html.Input("email", "Email", "email", email) + Html.Input("password", "Password", "password"),
            "Sign in") + "<p><a href=\"/account/forgot-password\">Forgot your password?</a></p>",
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    public static async Task<IResult> Handle(HttpContext http, IAntiforgery antiforgery, SignInManager<MarketplaceUser> signIn, UserManager<MarketplaceUser> users)
    {
        if (await AccountForms.ReadAsync(http, antiforgery) is not { } form)
        {
            return Html.Page("Sign in", Html.Error("The form expired. Reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        string email = form["email"].ToString(), password = form["password"].ToString(), returnUrl = form["returnUrl"].ToString();
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (Refusal(result) is { } refusal)
        {
            return Page(http, antiforgery, returnUrl, refusal, email);
        }

        // Without a way back (the login page opened directly), the portal's home is where a signed-in person goes.
        return Results.Redirect(AccountForms.IsLocal(returnUrl) ? returnUrl : "/");
    }

    /// <summary>What the page says when the sign-in failed; null when it succeeded.</summary>
    private static string? Refusal(SignInResult result) => result switch
    {
        { IsLockedOut: true } => "Too many failed attempts: the account is locked for a while. You can reset your password.",
        { IsNotAllowed: true } => "Confirm your email address first: follow the link in the message we sent you.",
        { Succeeded: false } => "Wrong email or password.",
        _ => null,
    };
}
