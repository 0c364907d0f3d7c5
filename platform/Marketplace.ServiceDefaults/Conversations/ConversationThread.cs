using System.Security.Claims;

namespace Marketplace.ServiceDefaults.Conversations;

/// <summary>An organisation taking part in a thread, on its side: <c>supplier</c> or <c>receiver</c>.</summary>
public sealed record ThreadParty(Guid OrganisationId, string Role);

/// <summary>
/// A match or deal as its conversation needs it: its parties, whether their identities are revealed to each other
/// (a match before acceptance is anonymous), and the side the caller writes on.
/// </summary>
public sealed record ConversationThread(Guid Id, IReadOnlyList<ThreadParty> Parties, bool Revealed, string CallerRole, Guid CallerOrganisationId);

/// <summary>
/// What a service tells the shared conversation endpoints about its records; keyed by the service's DbContext, as the
/// standalone host composes every service into one container.
/// </summary>
public interface IConversationThreads<TContext>
{
    /// <summary>The thread when the caller is one of its parties or the operator (the facilitator); null otherwise (404).</summary>
    Task<ConversationThread?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The integration event announcing a new message to the recipients (staged in the outbox with the message).</summary>
    object Posted(ConversationThread thread, ConversationMessage message, IReadOnlyList<Guid> recipientOrganisationIds, string preview);
}
