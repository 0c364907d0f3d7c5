namespace Marketplace.Matching.Matches;

/// <summary>
/// A listing pooled in a bundle, one row per member: "which matches is this listing in" is then an index seek, where
/// searching every bundle's <see cref="Match.MembersJson"/> read the whole matches table on each listing event.
/// </summary>
public sealed class MatchMember
{
    public Guid MatchId { get; set; }
    public Guid ListingId { get; set; }
}
