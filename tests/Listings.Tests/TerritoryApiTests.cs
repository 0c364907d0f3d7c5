using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Tests;

/// <summary>The estimated-flows and territory endpoints over real HTTP, each test in its own patch of sea so others' data stays out.</summary>
[Collection(ApiCollection.Name)]
public sealed class TerritoryApiTests(ListingsFactory factory)
{
    private static int places;

    /// <summary>
    /// A place of its own per test, in the Atlantic where no other test of the shared host puts anything: cells 2.5°
    /// apart, so one test's ±1° box never holds another's companies (random places overlapped in about one run of ten).
    /// </summary>
    internal static (double Lat, double Lon) SomewhereNew()
    {
        var n = Interlocked.Increment(ref places);
        return (30 + (2.5 * (n % 6)), -35 + (2.5 * (n / 6)));
    }

    internal static string Box((double Lat, double Lon) at) =>
        FormattableString.Invariant($"{at.Lon - 1},{at.Lat - 1},{at.Lon + 1},{at.Lat + 1}");

    internal static async Task<Guid> CompanyAsync(ListingsFactory factory, HttpClient op, string name, string nace, int employees, double lat, double lon)
    {
        var response = await op.PostAsJsonAsync("/api/v1/organisations", new
        {
            name, naceCode = nace, country = "DK", employees,
            sites = new[] { new { name = "Plant", country = "DK", lat, lon } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(employees, body.GetProperty("employees").GetInt32());
        await Eventually(async () => await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Id == id && o.Employees == employees && o.Lat != null)) ? "" : null);
        return id;
    }

    private static JsonElement Stream(JsonElement items, string stream) =>
        items.EnumerateArray().Single(i => i.GetProperty("stream").GetString() == stream);

    [Fact]
    public async Task A_food_company_of_40_gets_its_documented_range_and_nobody_else_sees_it()
    {
        var op = await factory.OperatorClientAsync();
        var at = SomewhereNew();
        var dairy = await CompanyAsync(factory, op, "Estimate Dairy", "10.51", 40, at.Lat, at.Lon);
        var stranger = await CompanyAsync(factory, op, "Estimate Stranger", "35.11", 10, at.Lat + 0.01, at.Lon);

        var asOperator = await (await op.GetAsync($"/api/v1/organisations/{dairy}/estimated-flows")).JsonAsync();
        var residues = Stream(asOperator.GetProperty("items"), "food-processing-residues");
        Assert.Equal((66, 176, 440), (residues.GetProperty("low").GetDouble(), residues.GetProperty("central").GetDouble(), residues.GetProperty("high").GetDouble()));
        Assert.Equal("estimated", residues.GetProperty("status").GetString());
        Assert.Contains("env_wasgen", residues.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal("C10-C12", asOperator.GetProperty("sector").GetString());

        var own = await factory.PartnerClientAsync(op, dairy);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/v1/organisations/{dairy}/estimated-flows")).StatusCode);
        var other = await factory.PartnerClientAsync(op, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/organisations/{dairy}/estimated-flows")).StatusCode);

        var map = await (await other.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}")).JsonAsync();
        Assert.All(map.GetProperty("estimated").EnumerateArray(), f => Assert.Equal(stranger, f.GetProperty("organisationId").GetGuid()));
        Assert.NotEmpty(map.GetProperty("estimated").EnumerateArray());
        Assert.Equal([stranger], map.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("organisationId").GetGuid()));
        Assert.Empty(map.GetProperty("hotSpots").EnumerateArray());

        var operatorMap = await (await op.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}")).JsonAsync();
        Assert.Equal(new HashSet<Guid> { dairy, stranger },
            operatorMap.GetProperty("estimated").EnumerateArray().Select(f => f.GetProperty("organisationId").GetGuid()).ToHashSet());
    }

    [Fact]
    public async Task A_posted_offer_replaces_the_estimate_of_its_chapter()
    {
        var op = await factory.OperatorClientAsync();
        var at = SomewhereNew();
        var dairy = await CompanyAsync(factory, op, "Declaring Dairy", "10.51", 40, at.Lat, at.Lon);
        var before = await (await op.GetAsync($"/api/v1/organisations/{dairy}/estimated-flows")).JsonAsync();
        Assert.Contains(before.GetProperty("items").EnumerateArray(), i => i.GetProperty("chapter").GetString() == "02");

        await op.CreateAsync(Http.Listing(dairy, "Whey and dairy residues", ewcCode: "02 05 01", lat: at.Lat, lon: at.Lon));

        var after = await (await op.GetAsync($"/api/v1/organisations/{dairy}/estimated-flows")).JsonAsync();
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("chapter").GetString() == "02");
        Assert.Contains(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("stream").GetString() == "packaging");
        var map = await (await op.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}&layer=declared")).JsonAsync();
        var declared = Assert.Single(map.GetProperty("declared").EnumerateArray());
        Assert.Equal("organic residues", declared.GetProperty("family").GetString());
        Assert.Empty(map.GetProperty("estimated").EnumerateArray());
    }

    [Fact]
    public async Task A_heat_user_near_a_brewery_makes_a_hot_spot_the_operator_sees_filtered_to_energy()
    {
        var op = await factory.OperatorClientAsync();
        var at = SomewhereNew();
        var brewery = await CompanyAsync(factory, op, "Hot Spot Brewery", "11.05", 60, at.Lat, at.Lon);
        var greenhouse = await CompanyAsync(factory, op, "Hot Spot Greenhouse", "01.13", 25, at.Lat + 0.1, at.Lon + 0.2);
        await op.CreateAsync(new
        {
            organisationId = greenhouse, kind = "want", resourceClass = "energy", title = "Heat for greenhouses",
            description = "Low-temperature heat, 60-90 °C water, for 12 ha of glasshouses.",
            quantity = new { amount = 40000, unit = "MWh", per = "year" },
            location = new { lat = at.Lat + 0.1, lon = at.Lon + 0.2, country = "DK" },
        });

        var map = await (await op.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}&class=energy")).JsonAsync();

        var spot = Assert.Single(map.GetProperty("hotSpots").EnumerateArray());
        Assert.Equal(("exchange", "low-grade heat"), (spot.GetProperty("kind").GetString(), spot.GetProperty("family").GetString()));
        Assert.Equal(new HashSet<Guid> { brewery, greenhouse }, spot.GetProperty("organisations").EnumerateArray().Select(o => o.GetGuid()).ToHashSet());
        Assert.All(map.GetProperty("estimated").EnumerateArray(), f => Assert.Equal("energy", f.GetProperty("resourceClass").GetString()));
        Assert.Equal(1200, Assert.Single(map.GetProperty("estimated").EnumerateArray()).GetProperty("central").GetDouble());
    }

    [Fact]
    public async Task With_a_zoom_a_layer_over_maxPoints_comes_as_clusters_and_the_others_as_points()
    {
        var op = await factory.OperatorClientAsync();
        var at = SomewhereNew();
        await CompanyAsync(factory, op, "Cluster Dairy A", "10.51", 40, at.Lat, at.Lon);
        await CompanyAsync(factory, op, "Cluster Dairy B", "10.51", 40, at.Lat + 0.01, at.Lon + 0.01);

        var map = await (await op.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}&zoom=6&maxPoints=2&layer=companies,estimated")).JsonAsync();

        Assert.Equal(2, map.GetProperty("companies").GetArrayLength()); // two companies: not over 2
        Assert.Empty(map.GetProperty("estimated").EnumerateArray()); // their streams are: one cluster
        var cluster = Assert.Single(map.GetProperty("clusters").EnumerateArray());
        Assert.Equal("estimated", cluster.GetProperty("layer").GetString());
        Assert.True(cluster.GetProperty("count").GetInt32() > 2);
        var unclustered = await (await op.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}&maxPoints=2")).JsonAsync();
        Assert.Empty(unclustered.GetProperty("clusters").EnumerateArray()); // without a zoom, every point
        Assert.Equal(HttpStatusCode.BadRequest, (await op.GetAsync("/api/v1/territory/flows?zoom=30")).StatusCode);
    }

    [Theory]
    [InlineData("bbox=11,55", "bbox")]
    [InlineData("bbox=12,55,11,56", "bbox")]
    [InlineData("layer=declared,roads", "layer")]
    [InlineData("class=plasma", "class")]
    [InlineData("chapter=21", "chapter")]
    public async Task Bad_filters_are_a_400_naming_the_parameter(string query, string field)
    {
        var op = await factory.OperatorClientAsync();

        var response = await op.GetAsync($"/api/v1/territory/flows?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
