namespace Marketplace.Matching.Contracts;

public sealed record MatchSuggested(Guid MatchId, string Kind, Guid OfferListingId, Guid WantListingId, IReadOnlyList<Guid> OrganisationIds, double Score)
{
    /// <summary>
    /// The organisations whose list shows the match when it is suggested (each side among the other's best, issue 15):
    /// a company is told of a suggestion only when its list would show it. Null means every organisation named, as from a
    /// sender that does not rank suggestions (the reciprocal list off) and for pools.
    /// </summary>
    public IReadOnlyList<Guid>? ShownTo { get; init; }
}
