using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Conversations;
using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Matching.Matches;

/// <summary>
/// The conversation on a match: its two parties (the offer's organisation supplies, the want's receives) and the
/// facilitator; anonymous until both sides accept, as the match itself is.
/// </summary>
public sealed class MatchConversations(MatchingDbContext db) : IConversationThreads<MatchingDbContext>
{
    public async Task<ConversationThread?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var match = await db.Matches.AsNoTracking().FindVisibleAsync(id, user, cancellationToken);
        if (match is null)
        {
            return null;
        }

        var caller = user.OrganisationId() ?? Guid.Empty;
        var role = caller == match.OfferOrganisationId ? "supplier" : caller == match.WantOrganisationId ? "receiver" : "facilitator";
        return new ConversationThread(match.Id, [new(match.OfferOrganisationId, "supplier"), new(match.WantOrganisationId, "receiver")],
            match.Status == MatchStatuses.Accepted, role, caller);
    }

    public object Posted(ConversationThread thread, ConversationMessage message, IReadOnlyList<Guid> recipientOrganisationIds, string preview) =>
        new MatchMessagePosted(message.Id, thread.Id, message.AuthorOrganisationId, recipientOrganisationIds, message.AuthorRole, preview,
            message.CreatedAt.AsOffset());
}
