using System.Text.Json;
using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Taxonomy;
using Marketplace.Listings.Territory;

namespace Marketplace.Listings.Tests;

/// <summary>The territory's boundary, the facility-facts rows and their owners, and how local facts change an estimate: pure functions.</summary>
public sealed class BoundaryAndFactsTests
{
    private static readonly FlowCoefficients Shipped = FlowCoefficients.LoadEmbedded();
    private static readonly EwcCatalog Catalog = EwcCatalog.LoadEmbedded();
    private static readonly Guid Dairy = Guid.Parse("0193a000-0000-7000-8000-000000000011");

    private static (Boundary? Boundary, string? Error) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Boundary.Parse(document.RootElement);
    }

    // A 1° square around Kalundborg with a 0.2° hole in its middle.
    private const string SquareWithHole = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Kalundborg"},"geometry":{"type":"Polygon","coordinates":[
          [[10.5,55.2],[11.5,55.2],[11.5,56.2],[10.5,56.2],[10.5,55.2]],
          [[10.9,55.6],[11.1,55.6],[11.1,55.8],[10.9,55.8],[10.9,55.6]]]}}]}
        """;

    [Fact]
    public void A_feature_collection_polygon_with_a_hole_holds_what_lies_inside_and_not_in_the_hole()
    {
        var (boundary, error) = Parse(SquareWithHole);

        Assert.Null(error);
        Assert.True(boundary!.Contains(55.3, 10.6));
        Assert.False(boundary.Contains(55.7, 11.0)); // in the hole
        Assert.False(boundary.Contains(55.1, 11.0)); // south of it
        Assert.Equal((10.5, 55.2, 11.5, 56.2, 10), (boundary.Box.MinLon, boundary.Box.MinLat, boundary.Box.MaxLon, boundary.Box.MaxLat, boundary.Positions));
        var (again, _) = Parse(boundary.ToGeoJson()); // written back as one MultiPolygon, read the same
        Assert.Equal(boundary.Positions, again!.Positions);
        Assert.StartsWith("{\"type\":\"MultiPolygon\"", boundary.ToGeoJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[10,55],[11,55],[11,56],[10,56]]]}""", "closed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[10,55],[11,55],[10,55]]]}""", "four positions")]
    [InlineData("""{"type":"Point","coordinates":[10,55]}""", "area")]
    [InlineData("""{"type":"Polygon","coordinates":[[[55,10],[55,200],[56,11],[55,10]]]}""", "outside WGS 84")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "no Polygon")]
    [InlineData("""{"coordinates":[]}""", "\"type\"")]
    public void What_is_not_an_area_is_refused_with_the_reason(string json, string reason)
    {
        var (boundary, error) = Parse(json);

        Assert.Null(boundary);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static (FacilityFactRow? Row, Dictionary<string, string[]> Errors) Row(string header, string line, string? source = null)
    {
        var records = Csv.Parse(header + "\n" + line);
        var (columns, _, error) = FacilityFactRow.ReadHeader(records[0]);
        Assert.Null(error);
        return FacilityFactRow.Read(records[1], columns, CsvDialect.Rfc4180, source, 2026, Catalog);
    }

    [Fact]
    public void A_register_row_with_the_registers_own_column_names_reads_as_a_hazardous_waste_transfer()
    {
        var (row, errors) = Row("FacilityName,Latitude,Longitude,ReportingYear,WasteClassification,TotalQuantity,Unit", "Asnæs Power,55.66,11.08,2022,HW,1250.5,t",
            "E-PRTR waste transfers");

        Assert.Empty(errors);
        Assert.Equal(("waste-transfer", "material", true, 1250.5, "t", 2022, "waste-transfer|HW"),
            (row!.Kind, row.ResourceClass, row.Hazardous, row.Quantity, row.Unit, row.Year, row.Key));
    }

    [Fact]
    public void Excess_heat_in_gigawatt_hours_is_stored_in_megawatt_hours_and_a_known_code_marks_its_hazard()
    {
        var (heat, _) = Row("facility_name,kind,quantity,unit,year,source", "Fjord Brewery,excess-heat,2.5,GWh,2024,Hotmaps industrial sites");
        Assert.Equal(("energy", 2500.0, "MWh", (string?)null), (heat!.ResourceClass, heat.Quantity, heat.Unit, heat.EwcCode));

        var (ash, _) = Row("facility_name,ewc_code,quantity,year,source", "Plant,100104,10,2024,Register"); // 10 01 04* oil fly ash: absolutely hazardous
        Assert.Equal(("10 01 04*", true), (ash!.EwcCode, ash.Hazardous));
    }

    [Theory]
    [InlineData("facility_name,quantity,year,source", "Plant,-3,2024,Register", "quantity")]
    [InlineData("facility_name,quantity,year,source", "Plant,3,1890,Register", "year")]
    [InlineData("facility_name,quantity,year", "Plant,3,2024", "source")]
    [InlineData("facility_name,ewc_code,quantity,year,source", "Plant,10 01 00,3,2024,Register", "ewc_code")]
    [InlineData("facility_name,kind,quantity,unit,year,source", "Plant,excess-heat,3,t,2024,Register", "unit")]
    [InlineData("facility_name,quantity,year,source,lat", "Plant,3,2024,Register,55", "lat")]
    public void A_bad_row_names_its_column(string header, string line, string field)
    {
        var (row, errors) = Row(header, line);

        Assert.Null(row);
        Assert.True(errors.ContainsKey(field), string.Join("; ", errors.Keys));
    }

    [Fact]
    public void A_facility_goes_to_its_namesake_ignoring_legal_form_and_to_the_nearest_one_or_to_nobody_far_away()
    {
        var near = new OwnerCandidate(Guid.NewGuid(), "Baltic Cement A/S", 55.68, 11.10);
        var far = new OwnerCandidate(Guid.NewGuid(), "BALTIC CEMENT", 56.50, 9.00);
        FacilityFactRow At(double? lat, double? lon) => new(2, "Baltic Cement", null, lat, lon, "waste-transfer", "material", null, false, 10, "t", 2024, "R");

        Assert.Equal("baltic cement", FacilityOwner.Normalise("Baltic Cement A/S"));
        Assert.Equal(near.Id, FacilityOwner.Find(At(55.67, 11.09), [near, far]).Owner);
        Assert.Equal(far.Id, FacilityOwner.Find(At(56.49, 9.01), [near, far]).Owner);
        Assert.Null(FacilityOwner.Find(At(null, null), [near, far]).Owner); // two namesakes and no place: say so
        Assert.Null(FacilityOwner.Find(At(54.0, 14.0), [near]).Owner); // 200 km away: not the same company
        Assert.Contains("No registered organisation", FacilityOwner.Find(At(55.67, 11.09) with { FacilityName = "Other" }, [near]).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reported_flow_replaces_its_streams_estimate_a_declared_offer_replaces_both_and_a_territory_rate_replaces_the_country_value()
    {
        var reported = new ReportedFlow("material", "02 03 04", false, "organic residues", "Waste 02 03 04 transferred off site (reported)", 500, "t", 2023,
            "E-PRTR (Dairy plant)");
        var rate = new TerritoryRate("Kalundborg", new PerEmployee(4, 10, 30), "Regional waste survey 2024");

        var flows = FlowEstimator.Estimate(new(Dairy, "10.51", "DK", 40), Shipped, [], new LocalFacts(rate, [reported]));

        var fact = Assert.Single(flows, f => f.Status == "reported");
        Assert.Equal((500, 500, 500, "02", "reported by the facility for 2023"), (fact.Low, fact.Central, fact.High, fact.Chapter, fact.Basis));
        Assert.DoesNotContain(flows, f => f.Stream == "food-processing-residues"); // chapter 02 is reported, not estimated
        var packaging = Assert.Single(flows, f => f.Stream == "packaging");
        Assert.Equal(("territory value (Kalundborg)", "Regional waste survey 2024", "estimated"), (packaging.Basis, packaging.Source, packaging.Status));
        var share = Shipped.SectorOf("10.51")!.Streams.Single(s => s.Id == "packaging").Share!.Value;
        var expected = 40 * 10 * share;
        Assert.Equal(expected >= 100 ? Math.Round(expected) : Math.Round(expected, 1), packaging.Central); // 40 people × the territory's 10 t per person × the stream's share

        var declared = FlowEstimator.Estimate(new(Dairy, "10.51", "DK", 40), Shipped, [new DeclaredOffer("material", "02 05 01")], new LocalFacts(rate, [reported]));
        Assert.DoesNotContain(declared, f => f.Chapter == "02");
    }

    [Fact]
    public void A_company_without_size_still_shows_what_its_facility_reported()
    {
        var reported = new ReportedFlow("energy", null, false, "low-grade heat", "Excess heat (reported)", 2500, "MWh", 2024, "Hotmaps");

        var flows = FlowEstimator.Estimate(new(Dairy, "10.51", "DK", null), Shipped, [], new LocalFacts(null, [reported]));

        Assert.Equal("reported", Assert.Single(flows).Status);
    }

    [Fact]
    public void Points_in_one_cell_of_the_zooms_grid_become_one_cluster_at_their_mean_with_count_and_extent()
    {
        // zoom 7: cells of 360 / 128 / 4 = 0.703125°
        var clusters = MapClusters.Cluster("declared", [(55.1, 11.0), (55.3, 11.2), (55.2, 11.1), (57.0, 9.9)], 7);

        Assert.Equal(2, clusters.Count);
        Assert.Equal(("declared", 3, 55.2, 11.1), (clusters[0].Layer, clusters[0].Count, clusters[0].Lat, clusters[0].Lon));
        Assert.Equal((55.1, 11.0, 55.3, 11.2), (clusters[0].MinLat, clusters[0].MinLon, clusters[0].MaxLat, clusters[0].MaxLon));
        Assert.Equal(1, clusters[1].Count);
    }
}
