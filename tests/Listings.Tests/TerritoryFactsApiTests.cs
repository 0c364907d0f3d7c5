using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Listings.Catalogue;
using static Marketplace.Listings.Tests.TerritoryApiTests;

namespace Marketplace.Listings.Tests;

/// <summary>Territories with their boundary and rates, facility facts imported from a register's CSV, and accepted exchanges on the map, over real HTTP.</summary>
[Collection(ApiCollection.Name)]
public sealed class TerritoryFactsApiTests(ListingsFactory factory)
{
    private static object Square((double Lat, double Lon) at, double half) => new
    {
        type = "Feature",
        properties = new { name = "test" },
        geometry = new
        {
            type = "Polygon",
            coordinates = new[] { new[] {
                new[] { at.Lon - half, at.Lat - half }, new[] { at.Lon + half, at.Lat - half }, new[] { at.Lon + half, at.Lat + half },
                new[] { at.Lon - half, at.Lat + half }, new[] { at.Lon - half, at.Lat - half } } },
        },
    };

    private static JsonElement Stream(JsonElement estimates, string stream) =>
        estimates.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("stream").GetString() == stream);

    [Fact]
    public async Task A_territorys_own_rate_changes_the_estimates_inside_its_boundary_only_and_companies_may_not_set_it()
    {
        var op = await factory.OperatorClientAsync();
        var at = SomewhereNew();
        var inside = await CompanyAsync(factory, op, "Territory Dairy", "10.51", 40, at.Lat, at.Lon);
        var outside = await CompanyAsync(factory, op, "Outside Dairy", "10.51", 40, at.Lat + 0.5, at.Lon);
        var territory = Guid.NewGuid();

        var created = await op.PutAsJsonAsync($"/api/v1/territories/{territory}", new { name = "Test estate", boundary = Square(at, 0.1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await op.PutAsJsonAsync($"/api/v1/territories/{territory}", new { name = "Test estate", boundary = Square(at, 0.1) });
        Assert.Equal((HttpStatusCode.OK, 1), (again.StatusCode, (await again.JsonAsync()).GetProperty("version").GetInt32())); // a retry changes nothing
        var rate = await op.PutAsJsonAsync($"/api/v1/territories/{territory}/coefficients/C10-C12",
            new { low = 4.0, central = 10.0, high = 30.0, source = "Regional waste survey 2024" });
        Assert.Equal(HttpStatusCode.OK, rate.StatusCode);

        var estimates = await (await op.GetAsync($"/api/v1/organisations/{inside}/estimated-flows")).JsonAsync();
        var residues = Stream(estimates, "food-processing-residues");
        Assert.Equal(("territory value (Test estate)", "Regional waste survey 2024", 220.0), // 40 × 10 t × 55 %
            (residues.GetProperty("basis").GetString(), residues.GetProperty("source").GetString(), residues.GetProperty("central").GetDouble()));
        var elsewhere = Stream(await (await op.GetAsync($"/api/v1/organisations/{outside}/estimated-flows")).JsonAsync(), "food-processing-residues");
        Assert.Equal(176, elsewhere.GetProperty("central").GetDouble());

        var table = await (await op.GetAsync($"/api/v1/estimate-coefficients?territoryId={territory}")).JsonAsync();
        var sector = table.GetProperty("sectors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "C10-C12");
        Assert.Equal(10, sector.GetProperty("territory").GetProperty("central").GetDouble());
        Assert.Equal(8, sector.GetProperty("perEmployee").GetProperty("central").GetDouble());

        var company = await factory.PartnerClientAsync(op, inside);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.PutAsJsonAsync($"/api/v1/territories/{territory}", new { name = "Mine", boundary = Square(at, 1) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.GetAsync("/api/v1/estimate-coefficients")).StatusCode);
        var bad = await op.PutAsJsonAsync($"/api/v1/territories/{territory}/coefficients/C10-C12", new { low = 40.0, central = 10.0, high = 30.0, source = "Survey" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.PutAsJsonAsync($"/api/v1/territories/{territory}/coefficients/no-such-sector",
            new { low = 1.0, central = 2.0, high = 3.0, source = "Survey" })).StatusCode);
        var notAnArea = await op.PutAsJsonAsync($"/api/v1/territories/{Guid.NewGuid()}", new { name = "Line", boundary = new { type = "LineString", coordinates = new[] { new[] { 1.0, 2.0 } } } });
        Assert.Equal(HttpStatusCode.BadRequest, notAnArea.StatusCode);
        Assert.Contains("area", (await notAnArea.JsonAsync()).GetProperty("errors").GetProperty("boundary")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/v1/territories/{territory}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/v1/territories/{territory}")).StatusCode);
        var back = Stream(await (await op.GetAsync($"/api/v1/organisations/{inside}/estimated-flows")).JsonAsync(), "food-processing-residues");
        Assert.Equal(176, back.GetProperty("central").GetDouble());
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task A_registers_waste_transfers_replace_the_estimate_of_their_stream_and_importing_again_changes_nothing()
    {
        var op = await factory.OperatorClientAsync();
        var at = SomewhereNew();
        var name = "Register Dairy " + Guid.NewGuid().ToString("N")[..6];
        var dairy = await CompanyAsync(factory, op, name, "10.51", 40, at.Lat, at.Lon);
        var file = string.Create(CultureInfo.InvariantCulture,
            $"""
            FacilityName,Latitude,Longitude,ReportingYear,LoWCode,TotalQuantity,Unit,Country
            "{name} A/S",{at.Lat + 0.01},{at.Lon},2023,02 05 01,512.5,t,DK
            {name},{at.Lat},{at.Lon},2023,,1.5,GWh,DK
            Nobody Known Ltd,{at.Lat},{at.Lon},2023,02 05 01,10,t,DK
            {name},{at.Lat},{at.Lon},2023,02 05 01,-1,t,DK
            """);

        var preview = await (await op.PostAsync("/api/v1/facility-facts/import?dryRun=true&source=E-PRTR%202023", Csv(file))).JsonAsync();
        Assert.Equal((2, 1, 1, true), (preview.GetProperty("created").GetInt32(), preview.GetProperty("unmatched").GetInt32(),
            preview.GetProperty("rejected").GetInt32(), preview.GetProperty("dryRun").GetBoolean()));
        Assert.Equal(["Country"], preview.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain((await (await op.GetAsync($"/api/v1/organisations/{dairy}/estimated-flows")).JsonAsync()).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("status").GetString() == "reported");

        var report = await op.PostAsync("/api/v1/facility-facts/import?source=E-PRTR%202023", Csv(file));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var rows = (await report.JsonAsync()).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["created", "created", "unmatched", "rejected"], rows.Select(r => r.GetProperty("result").GetString()));
        Assert.Equal(dairy, rows[0].GetProperty("organisationId").GetGuid());
        Assert.True(rows[3].GetProperty("errors").TryGetProperty("quantity", out _));

        var estimates = await (await op.GetAsync($"/api/v1/organisations/{dairy}/estimated-flows")).JsonAsync();
        var items = estimates.GetProperty("items").EnumerateArray().ToList();
        var waste = items.Single(i => i.GetProperty("chapter").GetString() == "02");
        Assert.Equal(("reported", 512.5, "reported by the facility for 2023"), (waste.GetProperty("status").GetString(), waste.GetProperty("central").GetDouble(),
            waste.GetProperty("basis").GetString()));
        Assert.Contains("E-PRTR 2023", waste.GetProperty("source").GetString(), StringComparison.Ordinal);
        var heat = items.Single(i => i.GetProperty("resourceClass").GetString() == "energy");
        Assert.Equal(("reported", 1500.0, "MWh"), (heat.GetProperty("status").GetString(), heat.GetProperty("central").GetDouble(), heat.GetProperty("unit").GetString()));

        var twice = await (await op.PostAsync("/api/v1/facility-facts/import?source=E-PRTR%202023", Csv(file))).JsonAsync();
        Assert.Equal((0, 2), (twice.GetProperty("created").GetInt32(), twice.GetProperty("unchanged").GetInt32()));

        var company = await factory.PartnerClientAsync(op, dairy);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.PostAsync("/api/v1/facility-facts/import?source=x", Csv(file))).StatusCode);
        var own = await (await company.GetAsync($"/api/v1/organisations/{dairy}/estimated-flows")).JsonAsync();
        Assert.Contains(own.GetProperty("items").EnumerateArray(), i => i.GetProperty("status").GetString() == "reported"); // a company sees its own
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PostAsync("/api/v1/facility-facts/import", Csv("name,amount\nx,1"))).StatusCode);
    }

    [Fact]
    public async Task An_accepted_exchange_is_a_line_from_the_offer_to_the_want_for_the_operator_and_the_two_companies_only()
    {
        var op = await factory.OperatorClientAsync();
        var at = SomewhereNew();
        var supplier = await CompanyAsync(factory, op, "Line Supplier", "35.11", 20, at.Lat, at.Lon);
        var receiver = await CompanyAsync(factory, op, "Line Receiver", "23.51", 20, at.Lat + 0.1, at.Lon + 0.1);
        var stranger = await CompanyAsync(factory, op, "Line Stranger", "23.51", 20, at.Lat - 0.1, at.Lon);
        var offer = (await op.CreateAsync(Http.Listing(supplier, "Fly ash from the power station", ewcCode: "10 01 02", lat: at.Lat, lon: at.Lon))).GetProperty("id").GetGuid();
        var want = (await op.CreateAsync(new
        {
            organisationId = receiver, kind = "want", resourceClass = "material", title = "Pozzolan for blended cement",
            description = "Siliceous pozzolana for CEM II/B-V, dry, in bulk.", quantity = new { amount = 5000, unit = "t", per = "year" },
            location = new { lat = at.Lat + 0.1, lon = at.Lon + 0.1, country = "DK" },
        })).GetProperty("id").GetGuid();
        var match = Guid.NewGuid();
        await factory.WithDbAsync(async db => // as Listings' MatchAccepted consumer records an accepted match
        {
            db.ListingReveals.Add(new ListingReveal { ListingId = offer, ViewerOrganisationId = receiver, MatchId = match, RevealedAt = DateTime.UtcNow });
            db.ListingReveals.Add(new ListingReveal { ListingId = want, ViewerOrganisationId = supplier, MatchId = match, RevealedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var map = await (await op.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}&layer=exchanges")).JsonAsync();
        var line = Assert.Single(map.GetProperty("exchanges").EnumerateArray());
        Assert.Equal((match, offer, want, "t"), (line.GetProperty("matchId").GetGuid(), line.GetProperty("offerListingId").GetGuid(),
            line.GetProperty("wantListingId").GetGuid(), line.GetProperty("baseUnit").GetString()));
        Assert.Equal((at.Lat + 0.1, 1440m), (line.GetProperty("toLat").GetDouble(), line.GetProperty("yearlyAmount").GetDecimal())); // 120 t a month, under the 5,000 wanted
        Assert.Empty(map.GetProperty("declared").EnumerateArray()); // only the layer asked for

        var own = await factory.PartnerClientAsync(op, receiver);
        Assert.Single((await (await own.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}&layer=exchanges")).JsonAsync()).GetProperty("exchanges").EnumerateArray());
        var other = await factory.PartnerClientAsync(op, stranger);
        Assert.Empty((await (await other.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}&layer=exchanges")).JsonAsync()).GetProperty("exchanges").EnumerateArray());
        Assert.Empty((await (await op.GetAsync($"/api/v1/territory/flows?bbox={Box(at)}&layer=exchanges&class=energy")).JsonAsync())
            .GetProperty("exchanges").EnumerateArray());
    }

    [Fact]
    public async Task A_kept_map_answer_gives_way_to_a_change_at_once()
    {
        var op = await factory.OperatorClientAsync();
        var at = SomewhereNew();
        var company = await CompanyAsync(factory, op, "Kept Answer Works", "23.51", 30, at.Lat, at.Lon);
        var url = $"/api/v1/territory/flows?bbox={Box(at)}&layer=declared";
        Assert.Empty((await (await op.GetAsync(url)).JsonAsync()).GetProperty("declared").EnumerateArray());
        Assert.Empty((await (await op.GetAsync(url)).JsonAsync()).GetProperty("declared").EnumerateArray()); // kept

        await op.CreateAsync(Http.Listing(company, "Kiln dust", ewcCode: "10 13 06", lat: at.Lat, lon: at.Lon));

        Assert.Single((await (await op.GetAsync(url)).JsonAsync()).GetProperty("declared").EnumerateArray());
    }
}
