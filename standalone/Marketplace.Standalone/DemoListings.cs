using Marketplace.Identity;
using static Marketplace.Listings.Contracts.ListingKinds;
using static Marketplace.Listings.Contracts.ResourceClasses;

namespace Marketplace.Standalone;

internal static class DemoListings
{
    private static readonly IReadOnlyList<DemoCompany> C = DemoCompanies.All;

    /// <summary>The brewery's spent grain and the pig farm's want for it: the demo deal's pair (positions in <see cref="All"/>).</summary>
    public const int SpentGrain = 4, PigFeed = 9;

    public static readonly IReadOnlyList<object> All =
    [
        Listing(C[0], Offer, Material, "Dry fly ash from coal-fired units", "Pulverised fuel ash collected in electrostatic precipitators, dry, EN 450-1 category N fineness, silo storage with tanker loading.", "10 01 02", 60000, "t", "year", 55.68, 11.09),
        Listing(C[0], Offer, Material, "FGD gypsum from wet limestone scrubbers", "Desulphurisation gypsum, >95% CaSO4·2H2O, about 10% moisture, chloride below 100 ppm, delivered by truck or ship.", "10 01 05", 80000, "t", "year", 55.68, 11.09),
        Listing(C[0], Offer, Energy, "Low-pressure steam and hot water surplus", "Extraction steam at 3 bar and district-heating water at 90 °C available around the year from CHP units.", null, 150000, "MWh", "year", 55.68, 11.09),
        Listing(C[1], Want, Material, "Pozzolan for clinker substitution", "Cement works seeks siliceous pozzolanic material to replace part of the clinker in CEM II/B-V blended cement, regular bulk deliveries.", null, 50000, "t", "year", 57.05, 9.92),
        Listing(C[2], Offer, Material, "Brewers' spent grain, wet", "Wet spent grain from mashing, about 22% dry matter, high protein and fibre, collected daily from our silo.", "02 07 04", 300, "t", "week", 55.67, 11.10),
        Listing(C[2], Offer, Material, "Fermentation CO2, food grade", "Carbon dioxide recovered from fermentation tanks, purified and liquefied, food grade per EIGA specification.", null, 2000, "t", "year", 55.67, 11.10),
        Listing(C[3], Want, Energy, "Heat for greenhouse heating", "Glasshouse tomato grower needs low-temperature heat (60-90 °C water) for 12 ha of greenhouses, mainly October to April.", null, 40000, "MWh", "year", 55.72, 11.72),
        Listing(C[3], Want, Material, "CO2 for crop enrichment", "Greenhouse enrichment to 800-1000 ppm CO2 to raise tomato yields; liquid CO2 deliveries.", null, 1500, "t", "year", 55.72, 11.72),
        Listing(C[4], Want, Material, "Gypsum raw material for plasterboard", "Plasterboard plant seeks calcium sulphate dihydrate to replace natural gypsum; purity above 94%, low chloride.", null, 70000, "t", "year", 55.66, 11.08),
        Listing(C[5], Want, Material, "Protein-rich wet feed for pigs", "Pig farm with liquid feeding system looking for wet by-products with high protein to replace soy meal; weekly deliveries.", null, 250, "t", "week", 55.66, 11.42),
    ];

    private static object Listing(DemoCompany company, string kind, string resourceClass, string title, string description, string? ewc,
        decimal amount, string unit, string per, double lat, double lon) => new
        {
            organisationId = company.Id,
            kind,
            resourceClass,
            title,
            description,
            ewcCode = ewc,
            quantity = new { amount, unit, per },
            location = new { lat, lon, country = company.Country, address = company.Address },
            maxTransportKm = 250,
        };
}
