using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>The "load, check party, 404" preamble of the handlers that read or change one <see cref="IPartyRecord"/>.</summary>
public static class PartyAccess
{
    /// <summary>
    /// The record <paramref name="id"/> of <paramref name="records"/> (tracked or not, with what it includes) when the caller
    /// is one of its parties or the operator; otherwise null, which the handler answers with 404, not 403: a stranger
    /// learns nothing of another organisation's records, not even that they exist.
    /// </summary>
    public static async Task<T?> FindVisibleAsync<T>(this IQueryable<T> records, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
        where T : class, IPartyRecord
    {
        var record = await records.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is not null && user.Sees(record) ? record : null;
    }

    public static bool Sees(this ClaimsPrincipal user, IPartyRecord record) =>
        user.IsOperator() || record.IsParty(user.OrganisationId() ?? Guid.Empty);
}
