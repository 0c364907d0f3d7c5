using System.Security.Claims;
using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Conversations;
using Marketplace.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Deals;

/// <summary>The conversation on a deal: every party on its side (a bundle has several suppliers) and the facilitator; names are known by now.</summary>
public sealed class DealConversations(BrokerageDbContext db) : IConversationThreads<BrokerageDbContext>
{
    public async Task<ConversationThread?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.AsNoTracking().Include(d => d.Parties).FindVisibleAsync(id, user, cancellationToken);
        if (deal is null)
        {
            return null;
        }

        var caller = user.OrganisationId() ?? Guid.Empty;
        return new ConversationThread(deal.Id, [.. deal.Parties.Select(p => new ThreadParty(p.OrganisationId, p.Role))], Revealed: true,
            deal.RoleOf(caller) ?? "facilitator", caller);
    }

    public object Posted(ConversationThread thread, ConversationMessage message, IReadOnlyList<Guid> recipientOrganisationIds, string preview) =>
        new DealMessagePosted(message.Id, thread.Id, message.AuthorOrganisationId, recipientOrganisationIds, message.AuthorRole, preview,
            message.CreatedAt.AsOffset());
}
