using Marketplace.Listings.Contracts;

namespace Marketplace.Matching.Search;

/// <summary>What a source listing's counterparts must be to pair with it at all.</summary>
public enum HazardRule
{
    /// <summary>No condition from the hazard rule.</summary>
    None,

    /// <summary>A hazardous offer: the want must accept hazardous material (hold the permit).</summary>
    MustAcceptHazardous,

    /// <summary>A want without the permit: the offer must not be hazardous.</summary>
    MustNotBeHazardous,
}

/// <summary>
/// The one place that says which listings may pair: the opposite kind, published, another organisation, and the
/// hazard rule (a hazardous offer only reaches a want that accepts hazardous material). Both engines' filters and
/// the scorer's gate read it from here.
/// </summary>
public static class Counterparts
{
    /// <summary>The kind a listing of <paramref name="kind"/> pairs with.</summary>
    public static string KindFor(string kind) => ListingKinds.CounterpartOf(kind);

    /// <summary>What the hazard rule asks of <paramref name="source"/>'s counterparts.</summary>
    public static HazardRule HazardRuleFor(ListingSnapshot source) => source switch
    {
        { Kind: ListingKinds.Offer, Hazardous: true } => HazardRule.MustAcceptHazardous,
        { Kind: ListingKinds.Want, AcceptsHazardous: false } => HazardRule.MustNotBeHazardous,
        _ => HazardRule.None,
    };

    /// <summary>A hazardous offer only goes to a want that accepts hazardous material.</summary>
    public static bool HazardAllowed(ListingSnapshot offer, ListingSnapshot want) => !offer.Hazardous || want.AcceptsHazardous;

    /// <summary>The whole rule, for a candidate an engine holds outside its own filter (recent writes).</summary>
    public static bool MayPair(ListingSnapshot candidate, ListingSnapshot source) =>
        candidate.Kind == KindFor(source.Kind)
        && candidate.Status == ListingStatuses.Published
        && candidate.OrganisationId != source.OrganisationId
        && candidate.ListingId != source.ListingId
        && (source.Kind == ListingKinds.Offer ? HazardAllowed(source, candidate) : HazardAllowed(candidate, source));
}
