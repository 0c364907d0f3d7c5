namespace Marketplace.Matching.Contracts;

/// <summary>
/// A message was posted in the conversation on a match. <paramref name="RecipientOrganisationIds"/> are the parties who
/// did not write it; <paramref name="AuthorRole"/> is the writer's side (<c>supplier</c>, <c>receiver</c>,
/// <c>facilitator</c>), all a recipient may learn of the writer before the match is accepted.
/// </summary>
public sealed record MatchMessagePosted(Guid MessageId, Guid MatchId, Guid AuthorOrganisationId, IReadOnlyList<Guid> RecipientOrganisationIds,
    string AuthorRole, string Preview, DateTimeOffset At);
