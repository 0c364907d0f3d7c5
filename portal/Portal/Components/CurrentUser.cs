using System.Security.Claims;

namespace Marketplace.Portal.Components;

/// <summary>The signed-in user's organisation, read from the session's claims (from Identity's ID token).</summary>
internal static class CurrentUser
{
    public static Guid Organisation(HttpContext? http) =>
        Guid.TryParse(http?.User.FindFirst("org_id")?.Value, out var id) ? id : Guid.Empty;

    public static string? Name(ClaimsPrincipal user) => user.Identity?.Name;
}
