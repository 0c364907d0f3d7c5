namespace Marketplace.Listings.Contracts;

public static class ResourceClasses
{
    public const string Material = "material";
    public const string Energy = "energy";
    public const string Water = "water";
    public const string Capacity = "capacity";
    public const string Service = "service";
    public static readonly string[] All = [Material, Energy, Water, Capacity, Service];
}
