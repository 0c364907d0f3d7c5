using System.Security.Claims;

namespace Marketplace.Portal.Components;

/// <summary>The signed-in user's organisation and roles, read from the session's claims (from Identity's ID token).</summary>
internal static class CurrentUser
{
    /// <summary>The roles that make a person the marketplace's operator (the API's own rule: operator or platform admin).</summary>
    private static readonly string[] OperatorRoles = ["operator", "platform-admin"];

    public static Guid Organisation(HttpContext? http) =>
        Guid.TryParse(http?.User.FindFirst("org_id")?.Value, out var id) ? id : Guid.Empty;

    public static string? Name(ClaimsPrincipal user) => user.Identity?.Name;

    /// <summary>Whether the console's pages are shown: the API decides again on every call, so this only hides what would be refused.</summary>
    public static bool IsOperator(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && OperatorRoles.Any(role => user.HasClaim("role", role));
}
