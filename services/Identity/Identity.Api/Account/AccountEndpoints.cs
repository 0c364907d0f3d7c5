namespace Marketplace.Identity.Account;

/// <summary>
/// The route table of the sign-in pages behind <c>/connect/authorize</c>: login, logout, email confirmation, password
/// reset and accepting an invitation; each has its own file. Plain HTML forms, read by hand (<see cref="AccountForms"/>)
/// so the antiforgery check is explicit.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/login", Login.Page);
        group.MapPost("/login", Login.Handle).DisableAntiforgery();
        group.MapPost("/logout", Logout.Handle).DisableAntiforgery();
        group.MapGet("/confirm-email", ConfirmEmail.Handle);
        group.MapGet("/forgot-password", ForgotPassword.Page);
        group.MapPost("/forgot-password", ForgotPassword.Handle).DisableAntiforgery();
        group.MapGet("/reset-password", ResetPassword.Page);
        group.MapPost("/reset-password", ResetPassword.Handle).DisableAntiforgery();
        group.MapGet("/accept-invitation", AcceptInvitation.Page);
        group.MapPost("/accept-invitation", AcceptInvitation.Handle).DisableAntiforgery();
        // RFC 8058 one-click: mail clients post without a form token; the link's own token is the permission.
        group.MapGet("/unsubscribe", Notifications.Unsubscribe.Page);
        group.MapPost("/unsubscribe", Notifications.Unsubscribe.Handle).DisableAntiforgery();
        return app;
    }
}
