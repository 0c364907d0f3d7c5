namespace Marketplace.Listings.Contracts;

/// <summary>What a listing is: something on offer or something wanted. An offer pairs with a want and the reverse.</summary>
public static class ListingKinds
{
    public const string Offer = "offer";
    public const string Want = "want";
    public static readonly string[] All = [Offer, Want];

    /// <summary>The kind a listing of <paramref name="kind"/> pairs with.</summary>
    public static string CounterpartOf(string kind) => kind == Offer ? Want : Offer;
}
