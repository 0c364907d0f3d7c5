using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Tests;

/// <summary>Listings as Matching receives them, for the pure-function tests.</summary>
internal static class Snapshots
{
    public static readonly KnowledgeBase Kb = KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "knowledge"));

    public static ListingSnapshot Listing(
        string kind, string title, string description = "", string? ewc = null, decimal yearly = 1000, string unit = "t",
        double lat = 55.6, double lon = 11.1, Guid? organisation = null, bool hazardous = false, bool acceptsHazardous = false,
        double? maxKm = null, string resourceClass = "material", string? language = null, double? temperature = null,
        DateOnly? from = null, DateOnly? until = null, PriceSnapshot? price = null) => new()
        {
            ListingId = Guid.NewGuid(),
            OrganisationId = organisation ?? Guid.NewGuid(),
            Version = 1,
            Kind = kind,
            ResourceClass = resourceClass,
            Status = "published",
            Title = title,
            Description = description,
            Language = language,
            EwcCode = ewc,
            Hazardous = hazardous,
            AcceptsHazardous = acceptsHazardous,
            Quantity = new QuantitySnapshot(yearly, unit, "year", yearly, unit),
            Location = new LocationSnapshot(lat, lon, "DK", null),
            MaxTransportKm = maxKm,
            AvailableFrom = from,
            AvailableUntil = until,
            Price = price,
            TemperatureC = temperature,
        };

    public static Matches.Side Side(ListingSnapshot listing, string? nace = null) => new(listing, new Annotator(Kb).Annotate(listing, nace));
}
