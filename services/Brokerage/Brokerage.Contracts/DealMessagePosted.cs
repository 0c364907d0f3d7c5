namespace Marketplace.Brokerage.Contracts;

/// <summary>
/// A message was posted in the conversation on a deal. <paramref name="RecipientOrganisationIds"/> are the parties who did
/// not write it; <paramref name="AuthorRole"/> is the writer's side (<c>supplier</c>, <c>receiver</c>, <c>facilitator</c>).
/// </summary>
public sealed record DealMessagePosted(Guid MessageId, Guid DealId, Guid AuthorOrganisationId, IReadOnlyList<Guid> RecipientOrganisationIds,
    string AuthorRole, string Preview, DateTimeOffset At);
