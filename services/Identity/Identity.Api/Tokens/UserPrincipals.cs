using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// A person's token carries the same claims as an API client's: <c>org_id</c>, <c>role</c>, the scopes and
/// one audience per API, so every service authorises both kinds of caller with the same code.
/// </summary>
public static class UserPrincipals
{
    private static readonly string[] MemberScopes =
        [Scopes.ListingsRead, Scopes.ListingsWrite, Scopes.MatchesRead, Scopes.MatchesWrite, Scopes.BrokerageRead, Scopes.BrokerageWrite, Scopes.Notifications];

    private static readonly string[] IdentityScopes = [OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile,
        OpenIddictConstants.Scopes.Email, OpenIddictConstants.Scopes.OfflineAccess];

    /// <summary>The organisation's name, for the portal's header.</summary>
    public const string OrganisationNameClaim = "org_name";

    /// <summary>The API scopes a role may hold: members work with listings, matches and deals; admins also bill and manage.</summary>
    public static IReadOnlyList<string> ScopesFor(string role) => role switch
    {
        Roles.Operator or Roles.PlatformAdmin => Scopes.All,
        Roles.Admin => [.. MemberScopes, Scopes.Billing, Scopes.Admin],
        _ => MemberScopes,
    };

    /// <summary>Null when the user no longer exists, is locked out or has no membership.</summary>
    public static async Task<ClaimsPrincipal?> CreateAsync(IdentityDataContext db, Guid userId, IEnumerable<string> requestedScopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }

        var roles = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.OrganisationId == user.OrganisationId)
            .Select(m => m.Role).ToListAsync(cancellationToken);
        if (roles.Count == 0)
        {
            return null;
        }

        var organisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        var allowed = roles.SelectMany(ScopesFor).ToHashSet();
        var requested = requestedScopes.ToList();
        var granted = requested.Where(s => allowed.Contains(s) || IdentityScopes.Contains(s)).Distinct().ToList();

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, MarketplaceClaims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.DisplayName ?? user.Email);
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(MarketplaceClaims.OrganisationId, user.OrganisationId.ToString());
        identity.SetClaims(MarketplaceClaims.Role, [.. roles]);
        identity.SetClaim(OrganisationNameClaim, organisationName);
        identity.SetClaim("client_kind", "user");
        identity.SetScopes(granted);
        identity.SetResources(granted.Where(Scopes.All.Contains).Select(Scopes.AudienceOf).Distinct());
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Email or MarketplaceClaims.OrganisationId or MarketplaceClaims.Role or OrganisationNameClaim
                when identity.HasScope(OpenIddictConstants.Scopes.OpenId) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
