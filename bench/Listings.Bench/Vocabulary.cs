using Marketplace.Listings.Catalogue;

/// <summary>Plausible, varied listings so that full-text terms have realistic selectivity.</summary>
internal static class Vocabulary
{
    private static readonly (string Title, string Ewc, string Unit)[] Materials =
    [
        ("fly ash", "10 01 02", "t"), ("bottom ash", "10 01 01", "t"), ("FGD gypsum", "10 01 05", "t"), ("wood chips", "03 01 05", "t"),
        ("sawdust", "03 01 05", "t"), ("bark", "03 03 01", "t"), ("de-inking sludge", "03 03 05", "t"), ("lime mud", "03 03 09", "t"),
        ("spent grain", "02 07 04", "t"), ("whey", "02 05 01", "m3"), ("glass cullet", "10 11 12", "t"), ("steel scrap", "12 01 01", "t"),
        ("aluminium turnings", "12 01 03", "t"), ("plastic film", "15 01 02", "t"), ("cardboard", "15 01 01", "t"), ("pallets", "15 01 03", "pcs"),
        ("concrete rubble", "17 01 01", "t"), ("bricks", "17 01 02", "t"), ("food waste", "20 01 08", "t"), ("compost", "19 05 03", "t"),
    ];

    private static readonly string[] Qualifiers = ["dry", "wet", "clean", "sorted", "bulk", "bagged", "fine", "coarse", "washed", "baled", "screened", "shredded"];
    private static readonly string[] Places = ["Kalundborg", "Aalborg", "Odense", "Esbjerg", "Aarhus", "Vejle", "Horsens", "Roskilde", "Næstved", "Herning"];
    private static readonly string[] Words =
    [
        "ash", "gypsum", "chips", "sawdust", "sludge", "grain", "whey", "cullet", "scrap", "turnings", "film", "cardboard", "pallets",
        "rubble", "bricks", "compost", "dry", "washed", "Odense", "Aalborg", "silo", "truck", "weekly", "moisture", "purity",
    ];

    public static string Word(Random random) => Words[random.Next(Words.Length)];

    public static string EwcPrefix(Random random) => Materials[random.Next(Materials.Length)].Ewc[..5];

    public static ListingInput Input(Random random)
    {
        var (title, ewc, unit) = Materials[random.Next(Materials.Length)];
        var qualifier = Qualifiers[random.Next(Qualifiers.Length)];
        var place = Places[random.Next(Places.Length)];
        var gateFee = random.Next(3) == 0;
        return new ListingInput
        {
            Kind = random.Next(2) == 0 ? "offer" : "want",
            ResourceClass = "material",
            Title = $"{qualifier} {title} from {place}",
            Description = random.Next(3) switch
            {
                0 => $"{char.ToUpperInvariant(qualifier[0])}{qualifier[1..]} {title}, collected by truck from our {place} site; moisture about {random.Next(5, 40)}%. Lot {random.Next(100000)}.",
                1 => $"{title} from the {place} plant, purity {random.Next(80, 99)}%, silo storage, loaded on request. Lot {random.Next(100000)}.",
                _ => $"Regular {qualifier} {title}, weekly pickups in {place} by container. Lot {random.Next(100000)}.",
            },
            EwcCode = ewc,
            Hazardous = false,
            HazardousStated = true,
            EwcChanged = true,
            Amount = random.Next(1, 5000),
            Unit = unit,
            Per = random.Next(2) == 0 ? "year" : "month",
            Lat = Math.Round(54.8 + (random.NextDouble() * 2.6), 4),
            Lon = Math.Round(8.2 + (random.NextDouble() * 4.3), 4),
            Country = "DK",
            MaxTransportKm = random.Next(20, 400),
            PriceAmount = gateFee ? -random.Next(5, 80) : random.Next(0, 120),
            PriceCurrency = "EUR",
            PricePer = unit,
            Visibility = random.Next(5) == 0 ? "anonymous" : "public",
        };
    }

    public static object Json(Random random, Guid organisationId)
    {
        var x = Input(random);
        return new
        {
            organisationId,
            kind = x.Kind,
            resourceClass = x.ResourceClass,
            title = x.Title,
            description = x.Description,
            ewcCode = x.EwcCode,
            hazardous = false,
            quantity = new { amount = x.Amount, unit = x.Unit, per = x.Per },
            location = new { lat = x.Lat, lon = x.Lon, country = "DK" },
            maxTransportKm = x.MaxTransportKm,
            price = new { amount = x.PriceAmount, currency = x.PriceCurrency, per = x.PricePer },
            visibility = x.Visibility,
        };
    }
}
