using System.Security.Cryptography;
using System.Text;
using Marketplace.Identity.Data;
using Marketplace.Identity.Mail;
using Marketplace.Identity.Organisations;
using Marketplace.ServiceDefaults;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Account;

/// <summary>
/// The sign-in pages behind <c>/connect/authorize</c>: login, logout, email confirmation, password reset and
/// accepting an invitation. Plain HTML forms; forms are read by hand so the antiforgery check is explicit.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/login", LoginPage);
        group.MapPost("/login", Login).DisableAntiforgery();
        group.MapPost("/logout", Logout).DisableAntiforgery();
        group.MapGet("/confirm-email", ConfirmEmail);
        group.MapGet("/forgot-password", ForgotPasswordPage);
        group.MapPost("/forgot-password", ForgotPassword).DisableAntiforgery();
        group.MapGet("/reset-password", ResetPasswordPage);
        group.MapPost("/reset-password", ResetPassword).DisableAntiforgery();
        group.MapGet("/accept-invitation", AcceptInvitationPage);
        group.MapPost("/accept-invitation", AcceptInvitation).DisableAntiforgery();
        return app;
    }

    private static IResult LoginPage(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error = null, string? email = null) =>
        Html.Page("Sign in", Html.Error(error) + Html.Form(http, antiforgery, "/account/login",
            Html.Hidden("returnUrl", returnUrl) + Html.Input("email", "Email", "email", email) + Html.Input("password", "Password", "password"),
            "Sign in") + "<p><a href=\"/account/forgot-password\">Forgot your password?</a></p>",
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static async Task<IResult> Login(HttpContext http, IAntiforgery antiforgery, SignInManager<MarketplaceUser> signIn, UserManager<MarketplaceUser> users)
    {
        if (await ReadFormAsync(http, antiforgery) is not { } form)
        {
            return Html.Page("Sign in", Html.Error("The form expired. Reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        string email = form["email"].ToString(), password = form["password"].ToString(), returnUrl = form["returnUrl"].ToString();
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            return LoginPage(http, antiforgery, returnUrl, "Wrong email or password.", email);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return LoginPage(http, antiforgery, returnUrl, "Too many failed attempts: the account is locked for a while. You can reset your password.", email);
        }

        if (result.IsNotAllowed)
        {
            return LoginPage(http, antiforgery, returnUrl, "Confirm your email address first: follow the link in the message we sent you.", email);
        }

        if (!result.Succeeded)
        {
            return LoginPage(http, antiforgery, returnUrl, "Wrong email or password.", email);
        }

        // Without a way back (the login page opened directly), the portal's home is where a signed-in person goes.
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static async Task<IResult> Logout(HttpContext http, IAntiforgery antiforgery, SignInManager<MarketplaceUser> signIn)
    {
        if (await ReadFormAsync(http, antiforgery) is null)
        {
            return Html.Page("Sign out", Html.Error("The form expired."), StatusCodes.Status400BadRequest);
        }

        await signIn.SignOutAsync();
        return Html.Page("Signed out", Html.Note("You are signed out.") + "<p><a href=\"/\">Sign in again</a></p>");
    }

    private static async Task<IResult> ConfirmEmail(string? userId, string? code, UserManager<MarketplaceUser> users)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || code is null || !(await users.ConfirmEmailAsync(user, Decode(code))).Succeeded)
        {
            return Html.Page("Email confirmation", Html.Error("This link is invalid or has expired."), StatusCodes.Status400BadRequest);
        }

        return Html.Page("Email confirmed", Html.Note("Thank you. You can now sign in.") + "<p><a href=\"/account/login\">Sign in</a></p>");
    }

    private static IResult ForgotPasswordPage(HttpContext http, IAntiforgery antiforgery) =>
        Html.Page("Reset your password", Html.Form(http, antiforgery, "/account/forgot-password", Html.Input("email", "Email", "email"), "Send link"));

    private static async Task<IResult> ForgotPassword(HttpContext http, IAntiforgery antiforgery, UserManager<MarketplaceUser> users,
        IMailSender mail, IOptions<MarketplaceOptions> marketplace, CancellationToken cancellationToken)
    {
        if (await ReadFormAsync(http, antiforgery) is not { } form)
        {
            return Html.Page("Reset your password", Html.Error("The form expired."), StatusCodes.Status400BadRequest);
        }

        var email = form["email"].ToString();
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is not null)
        {
            var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = $"{PublicBase(http, marketplace.Value)}/account/reset-password?userId={user.Id}&code={code}";
            await mail.SendAsync(user.Email!, "Reset your password", $"Someone asked to reset the password of your Symbiosis Marketplace account.\n\nSet a new password: {link}\n\nIf it was not you, ignore this message.", cancellationToken);
        }

        // Same answer whether or not the address exists: no account enumeration.
        return Html.Page("Check your email", Html.Note("If the address belongs to an account, a reset link is on its way."));
    }

    private static IResult ResetPasswordPage(HttpContext http, IAntiforgery antiforgery, string? userId, string? code, string? error = null) =>
        Html.Page("Choose a new password", Html.Error(error) + Html.Form(http, antiforgery, "/account/reset-password",
            Html.Hidden("userId", userId) + Html.Hidden("code", code) + Html.Input("password", "New password", "password"), "Save"),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static async Task<IResult> ResetPassword(HttpContext http, IAntiforgery antiforgery, UserManager<MarketplaceUser> users)
    {
        if (await ReadFormAsync(http, antiforgery) is not { } form)
        {
            return Html.Page("Choose a new password", Html.Error("The form expired."), StatusCodes.Status400BadRequest);
        }

        string userId = form["userId"].ToString(), code = form["code"].ToString();
        var user = Guid.TryParse(userId, out _) ? await users.FindByIdAsync(userId) : null;
        if (user is null)
        {
            return ResetPasswordPage(http, antiforgery, userId, code, "This link is invalid or has expired.");
        }

        var result = await users.ResetPasswordAsync(user, Decode(code), form["password"].ToString());
        if (!result.Succeeded)
        {
            return ResetPasswordPage(http, antiforgery, userId, code, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Html.Page("Password changed", Html.Note("Your password is changed. You can sign in now.") + "<p><a href=\"/account/login\">Sign in</a></p>");
    }

    private static async Task<IResult> AcceptInvitationPage(HttpContext http, IAntiforgery antiforgery, IdentityDataContext db, TimeProvider clock, string? token, string? error = null)
    {
        var invitation = await FindInvitationAsync(db, clock, token);
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

    private static async Task<IResult> AcceptInvitation(HttpContext http, IAntiforgery antiforgery, IdentityDataContext db,
        UserManager<MarketplaceUser> users, TimeProvider clock)
    {
        if (await ReadFormAsync(http, antiforgery) is not { } form)
        {
            return Html.Page("Invitation", Html.Error("The form expired."), StatusCodes.Status400BadRequest);
        }

        var token = form["token"].ToString();
        var invitation = await FindInvitationAsync(db, clock, token);
        if (invitation is null)
        {
            return Html.Page("Invitation", Html.Error("This invitation is invalid, used or expired."), StatusCodes.Status400BadRequest);
        }

        var displayName = form["displayName"].ToString().Trim();
        if (displayName.Length is 0 or > 200)
        {
            return await AcceptInvitationPage(http, antiforgery, db, clock, token, "Give your name (at most 200 characters).");
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return await AcceptInvitationPage(http, antiforgery, db, clock, token, "An account with this email exists already; ask the operator to move it.");
        }

        // The invitation travelled by email, so it confirms the address.
        var user = new MarketplaceUser
        {
            Id = Guid.CreateVersion7(), UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true,
            OrganisationId = invitation.OrganisationId, DisplayName = displayName,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, form["password"].ToString());
        if (!created.Succeeded)
        {
            return await AcceptInvitationPage(http, antiforgery, db, clock, token, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = invitation.OrganisationId, Role = invitation.Role });
        invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Html.Page("Welcome", Html.Note("Your account is ready. You can sign in now.") + "<p><a href=\"/account/login\">Sign in</a></p>");
    }

    internal static async Task<Invitation?> FindInvitationAsync(IdentityDataContext db, TimeProvider clock, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = HashToken(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash);
        return invitation is { AcceptedAt: null } && invitation.ExpiresAt > now ? invitation : null;
    }

    internal static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal static string PublicBase(HttpContext http, MarketplaceOptions marketplace) =>
        string.IsNullOrWhiteSpace(marketplace.PublicUrl) ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}" : marketplace.PublicUrl.TrimEnd('/');

    internal static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return null;
        }

        return await http.Request.ReadFormAsync();
    }

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
