using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.SupplyContracts;

internal static class ContractAccess
{
    /// <summary>The contract when the caller is a party or the operator; otherwise null (a 404, not a 403).</summary>
    public static async Task<SupplyContract?> VisibleAsync(BrokerageDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken, bool track = true)
    {
        var query = track ? db.Contracts : db.Contracts.AsNoTracking();
        var contract = await query.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contract is not null && (user.IsOperator() || contract.IsParty(user.OrganisationId() ?? Guid.Empty)) ? contract : null;
    }
}
