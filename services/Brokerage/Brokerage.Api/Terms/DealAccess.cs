using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Terms;

internal static class DealAccess
{
    /// <summary>The deal with its parties when the caller is a party or the operator; otherwise null (a 404, not a 403).</summary>
    public static async Task<Deal?> VisibleDealAsync(BrokerageDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Deals : db.Deals.AsNoTracking();
        var deal = await query.Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return deal is not null && (user.IsOperator() || deal.IsParty(user.OrganisationId() ?? Guid.Empty)) ? deal : null;
    }
}
