namespace Marketplace.Listings.Contracts;

public static class Visibilities
{
    public const string Public = "public";
    public const string Anonymous = "anonymous";
}
