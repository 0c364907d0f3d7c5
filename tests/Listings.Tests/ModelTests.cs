using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Taxonomy;

namespace Marketplace.Listings.Tests;

public sealed class ModelTests
{
    private static readonly EwcCatalog Catalog = EwcCatalog.LoadEmbedded();
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ListingInput Valid(Action<ListingInput>? change = null)
    {
        var input = new ListingInput
        {
            Kind = "offer", ResourceClass = "material", Title = "Fly ash", Amount = 10, Unit = "t", Per = "week",
            Lat = 55.6, Lon = 11.1, Country = "DK", EwcChanged = true,
        };
        change?.Invoke(input);
        return input;
    }

    private static (ListingInput.Normalised? Result, Dictionary<string, string[]> Errors) Check(ListingInput input)
    {
        var errors = new Dictionary<string, string[]>();
        return (input.Validate(Catalog, Today, creating: true, errors), errors);
    }

    [Fact]
    public void The_whole_List_of_Waste_is_embedded()
    {
        Assert.True(Catalog.Count > 800);
        Assert.Equal("de-inking sludges from paper recycling", Catalog.Find("030305")!.Label);
    }

    [Fact]
    public void Sludge_from_a_paper_deinking_line_suggests_03_03_05_near_the_top()
    {
        var suggestions = Catalog.Suggest("sludge from our paper deinking line", 5);
        Assert.Contains("03 03 05", suggestions.Take(3).Select(s => s.Entry.Code));
    }

    [Fact]
    public void Everyday_words_find_their_entries()
    {
        Assert.Equal("10 01 02", Catalog.Suggest("coal fly ash", 3)[0].Entry.Code);
        Assert.Empty(Catalog.Suggest("zzqx", 3));
    }

    [Theory]
    [InlineData("030305", EwcCodeKind.Entry)]
    [InlineData("03 03 05", EwcCodeKind.Entry)]
    [InlineData("16 06 01*", EwcCodeKind.Entry)]
    [InlineData("03 03", EwcCodeKind.Subchapter)]
    [InlineData("03", EwcCodeKind.Chapter)]
    [InlineData("03 03 0", EwcCodeKind.Malformed)]
    [InlineData("ash", EwcCodeKind.Malformed)]
    public void Codes_parse_in_their_common_spellings(string code, EwcCodeKind kind) =>
        Assert.Equal(kind, EwcCatalog.Parse(code).Kind);

    [Fact]
    public void An_absolute_hazardous_entry_forces_hazardous()
    {
        var (result, _) = Check(Valid(i => { i.EwcCode = "160601"; i.Hazardous = false; i.HazardousStated = true; }));
        Assert.NotNull(result);
        Assert.True(result.Hazardous);
        Assert.Equal("16 06 01", result.EwcCode);
    }

    [Theory]
    [InlineData("16 02 16", false)]
    [InlineData("16 02 15*", true)]
    [InlineData("01 03 06", false)]
    [InlineData("01 03 04*", true)]
    public void A_mirror_entry_states_the_assessment_by_its_side(string code, bool hazardous)
    {
        var (result, errors) = Check(Valid(i => i.EwcCode = code));
        Assert.True(result is not null, string.Join("; ", errors.SelectMany(e => e.Value)));
        Assert.Equal(hazardous, result.Hazardous);

        var (agreeing, _) = Check(Valid(i => { i.EwcCode = code; i.Hazardous = hazardous; i.HazardousStated = true; }));
        Assert.Equal(hazardous, agreeing!.Hazardous);
    }

    [Theory]
    [InlineData("16 02 16", true)]
    [InlineData("16 02 15*", false)]
    [InlineData("01 03 06", true)]
    public void Only_a_contradicting_hazardous_flag_is_refused(string code, bool stated)
    {
        var (result, errors) = Check(Valid(i => { i.EwcCode = code; i.Hazardous = stated; i.HazardousStated = true; }));
        Assert.Null(result);
        Assert.Contains("contradicts", errors["hazardous"][0]);
    }

    [Theory]
    [InlineData("03 03", "heading")]
    [InlineData("03", "heading")]
    [InlineData("99 99 99", "not in the European List of Waste")]
    [InlineData("10 01 02*", "not a hazardous entry")]
    public void Headings_unknown_codes_and_false_stars_are_rejected(string code, string message)
    {
        var (result, errors) = Check(Valid(i => i.EwcCode = code));
        Assert.Null(result);
        Assert.Contains(message, errors["ewcCode"][0]);
    }

    [Fact]
    public void Quantities_normalise_to_a_yearly_rate_in_a_base_unit()
    {
        var (result, _) = Check(Valid(i => { i.Amount = 500; i.Unit = "kg"; i.Per = "day"; }));
        Assert.Equal(182.5m, result!.YearlyAmount);
        Assert.Equal("t", result.BaseUnit);
    }

    [Fact]
    public void Energy_and_water_fields_belong_to_their_resource_class()
    {
        var (_, errors) = Check(Valid(i => { i.TemperatureC = 90; i.WaterQuality = "potable"; }));
        Assert.Contains("temperatureC", errors.Keys);
        Assert.Contains("waterQuality", errors.Keys);

        var (energy, _) = Check(Valid(i => { i.ResourceClass = "energy"; i.Unit = "MWh"; i.TemperatureC = 90; i.Medium = "hot water"; }));
        Assert.NotNull(energy);
    }

    [Fact]
    public void Bad_values_are_named_by_field()
    {
        var (_, errors) = Check(Valid(i =>
        {
            i.Amount = -1;
            i.Unit = "tonnes";
            i.Lat = 123;
            i.AvailableFrom = Today.AddDays(10);
            i.AvailableUntil = Today.AddDays(5);
            i.PriceAmount = -20;
            i.PriceCurrency = "euro";
            i.PricePer = "t";
            i.AcceptsHazardous = true;
        }));
        Assert.Equal(
            ["acceptsHazardous", "availableUntil", "location.lat", "price.currency", "quantity.amount", "quantity.unit"],
            errors.Keys.Order().ToArray());
    }

    [Fact]
    public void A_negative_price_is_a_gate_fee()
    {
        var input = Valid(i => { i.PriceAmount = -35; i.PriceCurrency = "EUR"; i.PricePer = "t"; });
        var (result, _) = Check(input);
        var listing = Listing.Create(Guid.NewGuid(), ListingStatuses.Published, DateTime.UtcNow);
        input.ApplyTo(listing, result!);
        Assert.True(listing.AsDto(null, full: true).Price!.GateFee);
        Assert.Equal(-35, listing.ToSnapshot().Price!.Amount);
    }

    [Theory]
    [InlineData("anonymous", true)]
    [InlineData("public", false)]
    public void Events_carry_an_anonymous_listing_at_its_shown_location_without_address(string visibility, bool masked)
    {
        var input = Valid(i => { i.Lat = 55.6212; i.Lon = 11.1381; i.Address = "Havnevej 7"; i.Visibility = visibility; });
        var (result, _) = Check(input);
        var listing = Listing.Create(Guid.NewGuid(), ListingStatuses.Published, DateTime.UtcNow);
        input.ApplyTo(listing, result!);
        var published = listing.ToPublishedSnapshot().Location;
        Assert.Equal(masked ? Anonymity.Round(55.6212, 11.1381) : (55.6212, 11.1381), (published.Lat, published.Lon));
        Assert.Equal(masked ? null : "Havnevej 7", published.Address);
        Assert.Equal((55.6212, 11.1381), (listing.ToSnapshot().Location.Lat, listing.ToSnapshot().Location.Lon));
    }

    [Fact]
    public void Anonymous_positions_snap_to_the_same_cell_within_about_5_km()
    {
        var a = Anonymity.Round(55.6001, 11.1001);
        var b = Anonymity.Round(55.6003, 11.1004);
        Assert.Equal(a, b);
        Assert.InRange(Geo.DistanceKm(55.6001, 11.1001, a.Lat, a.Lon), 0, 4.0);
        Assert.NotEqual((55.6001, 11.1001), a);
    }

    [Fact]
    public void Csv_fields_may_be_quoted_with_commas_quotes_and_line_breaks()
    {
        var records = Csv.Parse("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(["1", "x, \"y\"\nz", "3"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
    }
}
